"""The readers, and every kind of bad input: a clear error that loses nothing."""

from __future__ import annotations

import pathlib

import numpy as np
import pytest

import reseau
from helpers import data_file


def write(tmp_path: pathlib.Path, name: str, content: "str | bytes") -> pathlib.Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def test_edgelist_formats(tmp_path):
    text = "# comment\r\n10\t20\r\n20 30 2.5\r\n\r\n1000000000000 10\r\n"
    net = reseau.read_edgelist(write(tmp_path, "e.txt", text))
    assert net.labels == ["10", "20", "30", "1000000000000"]  # a huge id costs one person
    assert net.num_ties == 3
    assert net.ties()["weight"].tolist() == [1.0, 2.5, 1.0]
    same = reseau.parse_edgelist(text.encode())
    assert same.to_json() == net.to_json()
    named = reseau.read_edgelist(str(tmp_path / "e.txt"), layer="mail", kind="digital", directed=True)
    assert (named.layers[0].name, named.layers[0].kind, named.layers[0].directed) == ("mail", "digital", True)


def test_empty_file_gives_an_empty_network(tmp_path):
    for content in ("", "# only a comment\n", "\n\n"):
        net = reseau.read_edgelist(write(tmp_path, "empty.txt", content))
        assert (net.num_people, net.num_ties) == (0, 0)
    assert reseau.parse_csv("source,target\n").num_ties == 0
    assert reseau.parse_multiplex("").num_ties == 0
    assert reseau.parse_signed("").num_ties == 0


def test_malformed_line(tmp_path):
    path = write(tmp_path, "bad.txt", "1 2\n2 3\nthis is not a tie at all\n")
    with pytest.raises(reseau.ParseError) as info:
        reseau.read_edgelist(path)
    err = info.value
    assert isinstance(err, reseau.ReseauError) and isinstance(err, ValueError)
    assert err.file == str(path) and err.line == 3
    assert err.content == "this is not a tie at all"
    assert err.kind == "ParseError" and "file" in err.fields
    assert str(err).startswith(f"{path}:3: ")
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_edgelist("1 2\n1 2 x\n", file="inline")
    assert (info.value.file, info.value.line) == ("inline", 2)


def test_missing_file(tmp_path):
    path = tmp_path / "nope.txt"
    with pytest.raises(reseau.FileError) as info:
        reseau.read_edgelist(path)
    assert info.value.file == str(path) and info.value.message
    with pytest.raises(reseau.FileError):
        reseau.read_multiplex(path)


def test_not_utf8(tmp_path):
    path = write(tmp_path, "latin1.txt", "1 2\n".encode() + "caf\u00e9 1\n".encode("latin-1"))
    with pytest.raises(reseau.EncodingError) as info:
        reseau.read_edgelist(path)
    assert (info.value.file, info.value.line, info.value.offset) == (str(path), 2, 7)
    with pytest.raises(reseau.EncodingError):
        reseau.parse_edgelist(b"\xff\xfe 1\n")


def test_duplicates_and_self_loops_counted_or_rejected(tmp_path):
    path = write(tmp_path, "e.txt", "1 2\n2 1\n1 2\n3 3\n")
    net = reseau.read_edgelist(path)
    assert (net.num_ties, net.duplicates_merged, net.self_loops_dropped) == (1, 2, 1)
    assert net.labels == ["1", "2", "3"]  # the self-loop's person is kept
    summed = reseau.read_edgelist(path, duplicates="sum")
    assert summed.ties()["weight"].tolist() == [3.0]
    with pytest.raises(reseau.DuplicateTieError) as info:
        reseau.read_edgelist(path, duplicates="reject")
    assert info.value.location == f"{path}:2: " and info.value.layer == "ties"
    with pytest.raises(reseau.SelfLoopError) as info:
        reseau.read_edgelist(path, self_loops="reject")
    assert info.value.location == f"{path}:4: " and info.value.person == "3"
    # The core's own nesting works too.
    with pytest.raises(reseau.SelfLoopError):
        reseau.read_edgelist(path, policy={"self_loops": "reject"})
    directed = reseau.read_edgelist(path, directed=True)
    assert (directed.num_ties, directed.duplicates_merged) == (2, 1)


def test_unknown_and_bad_options(tmp_path):
    path = write(tmp_path, "e.txt", "1 2\n")
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.read_edgelist(path, directd=True)
    assert "directd" in str(info.value) and "read_edgelist" in info.value.name
    with pytest.raises(reseau.InvalidParameterError) as info:
        reseau.read_edgelist(path, kind="banana")
    assert "banana" in str(info.value)
    with pytest.raises(reseau.InvalidParameterError):
        reseau.read_edgelist(path, duplicates="keep")
    with pytest.raises(reseau.InvalidParameterError):
        reseau.read_edgelist(path, directed="yes")
    with pytest.raises(reseau.InvalidParameterError):
        reseau.read_csv(path, delimiter=float("nan"))
    with pytest.raises(TypeError):
        reseau.read_edgelist(path, layer=object())
    with pytest.raises(TypeError):
        reseau.read_edgelist(12)


def test_csv(tmp_path):
    text = "from;to;w;channel;s\nana;bo;2;lunch;+\nbo;cy;1;facebook;-\nana;cy;0.5;lunch;+\n"
    net = reseau.read_csv(
        write(tmp_path, "t.csv", text),
        source="from",
        target="to",
        weight="w",
        sign="s",
        layer_column="channel",
        delimiter=";",
    )
    assert [(l.name, l.kind) for l in net.layers] == [("lunch", "physical"), ("facebook", "digital")]
    assert net.labels == ["ana", "bo", "cy"]
    assert net.ties()["weight"].tolist() == [2.0, 1.0, 0.5]
    assert net.ties()["sign"].tolist() == [1, -1, 1]
    inline = reseau.parse_csv("a;b\nana;bo\n", file="inline.csv", source="a", target="b", delimiter=";")
    assert inline.labels == ["ana", "bo"]
    with pytest.raises(reseau.ParseError) as info:
        reseau.parse_csv("source,target,weight\na,b,heavy\n", weight="weight")
    assert info.value.line == 2
    for weight in ("-1", "nan", "inf"):
        with pytest.raises(reseau.ReseauError) as info:
            reseau.parse_csv(f"source,target,weight\na,b,{weight}\n", weight="weight")
        assert weight in str(info.value)


def test_multiplex_options():
    edges = "1 1 2 1\n2 1 2 1\n2 2 3 1\n1 2 1 1\n"
    net = reseau.parse_multiplex(edges, layers=b"layerID layerLabel\n1 advice\n2 friendship\n")
    assert [l.kind for l in net.layers] == ["physical", "physical"]
    assert net.duplicates_merged == 1
    # Without a layers table the layers are named by their ids.
    digital = reseau.parse_multiplex(edges, digital=["2"], directed=True)
    assert [l.directed for l in digital.layers] == [True, True]
    assert digital.num_ties == 4
    with pytest.raises(reseau.ParseError):
        reseau.parse_multiplex("1 1\n")


def test_signed_bitcoin_otc():
    path = data_file("snap", "bitcoin-otc", "soc-sign-bitcoinotc.csv")
    net = reseau.read_signed(path)
    assert (net.num_people, net.num_ties) == (5_881, 35_592)
    layer = net.layers[0]
    assert (layer.name, layer.kind, layer.directed) == ("trust", "digital", True)
    signs = net.ties()["sign"]
    assert set(np.unique(signs).tolist()) == {-1, 1}
    assert (signs < 0).sum() > 1000


def test_mpx_files():
    for name in ("florentine.mpx", "tailorshop.mpx", "monastery.mpx", "bankwiring.mpx"):
        net = reseau.read_mpx(data_file("multinet-mpx", name))
        assert net.num_people > 0 and net.num_ties > 0 and net.num_layers > 0


def test_readers_take_pathlike_and_str(aarhus_files):
    edges, layers, nodes = aarhus_files
    a = reseau.read_multiplex(edges, layers, nodes)
    b = reseau.read_multiplex(str(edges), layers=str(layers), nodes=str(nodes))
    assert a.to_json() == b.to_json()
