//! The readers: `read_*` from a path, `parse_*` from text or bytes. Keyword arguments become
//! the core's option structs (through their serde form, with `duplicates=` and `self_loops=`
//! shorthands for `policy={...}`); the GIL is released while a file is read.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use reseau::inference::{self, AdoptionsCsv};
use reseau::io::{CsvOptions, EdgeListOptions, MpxOptions, MultiplexOptions, SignedOptions};
use serde::de::DeserializeOwned;

use crate::args::Args;
use crate::errors::err;
use crate::network::PyNetwork;
use crate::ser::to_python;

/// A reader's options from its keyword arguments, `duplicates=` and `self_loops=` read as
/// `policy={"duplicates": ..., "self_loops": ...}` (the readers' `TiePolicy`).
fn options<T: DeserializeOwned>(
    py: Python<'_>,
    function: &'static str,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    let args = Args::new(py, function, kwargs)?;
    let policy = PyDict::new(py);
    for key in ["duplicates", "self_loops"] {
        if let Some(value) = args.take(key)? {
            policy.set_item(key, value)?;
        }
    }
    if !policy.is_empty() {
        match args.take("policy")? {
            // Given as something else than a dict: the core's error says so.
            Some(given) if !given.is_instance_of::<PyDict>() => {
                args.set("policy", &given)?;
                args.spread(policy.as_any())?;
            }
            Some(given) => {
                let merged = given.cast::<PyDict>()?.copy()?;
                merged.update(policy.as_mapping())?;
                args.set("policy", merged.as_any())?;
            }
            None => args.set("policy", policy.as_any())?,
        }
    }
    args.request()
}

/// The readers' tie policies, in their docs.
macro_rules! policies {
    () => {
        "``duplicates`` (``\"merge\"``, default: keep the first tie and count the repeat in \
         ``duplicates_merged``; ``\"sum\"``: add the weights; ``\"reject\"``: \
         ``DuplicateTieError``) and ``self_loops`` (``\"drop\"``, default: skip and count in \
         ``self_loops_dropped``; ``\"reject\"``: ``SelfLoopError``)."
    };
}

/// A reader of one format: `read_*` from a path and `parse_*` from text or bytes (`file`
/// naming it in errors), their keyword arguments the core's options `T`.
macro_rules! reader {
    (
        $(#[$read_doc:meta])* $read:ident,
        $(#[$parse_doc:meta])* $parse:ident($options:ty, $read_fn:path, $parse_fn:path)
    ) => {
        $(#[$read_doc])*
        #[pyfunction]
        #[pyo3(signature = (path, **options))]
        pub(crate) fn $read(
            py: Python<'_>,
            path: PathBuf,
            options: Option<&Bound<'_, PyDict>>,
        ) -> PyResult<PyNetwork> {
            let options: $options = self::options(py, stringify!($read), options)?;
            Ok(py.detach(|| $read_fn(&path, &options)).map_err(err)?.into())
        }

        $(#[$parse_doc])*
        #[pyfunction]
        #[pyo3(signature = (data, file = "<string>", **options))]
        pub(crate) fn $parse(
            py: Python<'_>,
            data: Data<'_>,
            file: &str,
            options: Option<&Bound<'_, PyDict>>,
        ) -> PyResult<PyNetwork> {
            let options: $options = self::options(py, stringify!($parse), options)?;
            let bytes = data.bytes();
            Ok(py.detach(|| $parse_fn(bytes, file, &options)).map_err(err)?.into())
        }
    };
}

/// Text given directly: `str` or `bytes`.
#[derive(FromPyObject)]
pub(crate) enum Data<'py> {
    Text(String),
    Bytes(Bound<'py, PyBytes>),
}

impl Data<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            Data::Text(s) => s.as_bytes(),
            Data::Bytes(b) => b.as_bytes(),
        }
    }
}

reader! {
    /// Reads a SNAP-style edge list: one tie per line, two person identifiers separated by
    /// spaces or tabs (more columns are ignored), ``#`` comments, any line ending.
    ///
    /// Identifiers are labels, numbered densely in order of first appearance (an id of 10**12
    /// costs one person). A third column is the tie's weight. An empty file gives an empty
    /// network.
    ///
    /// Keyword arguments: ``directed`` (default ``False``), ``layer`` (the one layer's name,
    /// default ``"ties"``), ``kind`` (``"physical"``, default, or ``"digital"``),
    #[doc = policies!()]
    /// (``policy={"duplicates": ..., "self_loops": ...}`` is the same.) An unknown keyword is an
    /// ``InvalidParameterError``.
    ///
    /// >>> import os, tempfile, reseau
    /// >>> path = os.path.join(tempfile.mkdtemp(), "ties.txt")
    /// >>> with open(path, "w") as f:
    /// ...     _ = f.write("# a SNAP file\n10 20\n20 10\n20 30\n")
    /// >>> net = reseau.read_edgelist(path)
    /// >>> net.num_people, net.num_ties, net.duplicates_merged, net.labels
    /// (3, 2, 1, ['10', '20', '30'])
    read_edgelist,
    /// :func:`read_edgelist` on text (``str`` or ``bytes``) instead of a file; ``file`` names
    /// it in errors (as ``err.file``).
    ///
    /// >>> import reseau
    /// >>> reseau.parse_edgelist("a b\nb c\n", layer="mail", kind="digital").layers[0].kind
    /// 'digital'
    parse_edgelist(EdgeListOptions, reseau::read_edgelist, reseau::io::parse_edgelist)
}

reader! {
    /// Reads a CSV file with a header row naming its columns: one tie per row.
    ///
    /// Keyword arguments: ``source`` and ``target`` (the columns of the two ends, default
    /// ``"source"`` and ``"target"``), ``weight`` and ``sign`` (their columns, default none:
    /// weight 1, positive), ``layer_column`` (a column naming each tie's layer, making a
    /// multiplex; default none), ``layer`` and ``kind`` (the one layer without a layer column,
    /// default ``"ties"``, ``"physical"``), ``digital`` (with a layer column, the names of the
    /// digital layers; default: guessed from the names, ``facebook``, ``email``... are digital),
    /// ``directed`` (default ``False``), ``delimiter`` (default ``","``),
    #[doc = policies!()]
    ///
    /// >>> import os, tempfile, reseau
    /// >>> path = os.path.join(tempfile.mkdtemp(), "ties.csv")
    /// >>> with open(path, "w") as f:
    /// ...     _ = f.write("source,target\nana,bo\nbo,cy\n")
    /// >>> reseau.read_csv(path).num_ties
    /// 2
    read_csv,
    /// :func:`read_csv` on text (``str`` or ``bytes``); ``file`` names it in errors.
    ///
    /// >>> import reseau
    /// >>> reseau.parse_csv("source,target\nana,bo\n").labels
    /// ['ana', 'bo']
    parse_csv(CsvOptions, reseau::read_csv, reseau::io::parse_csv)
}

/// Reads the multiplex format ``layer node node weight`` (as in the Manlio De Domenico
/// datasets, e.g. CS-Aarhus), with an optional layers table (``layerID layerLabel``) naming
/// the layers and an optional nodes table (``nodeID nodeLabel``) labelling the people.
///
/// Keyword arguments: ``directed`` (default ``False``), ``digital`` (the names of the digital
/// layers; default: guessed from the names, so ``facebook`` is digital and ``lunch``
/// physical),
#[doc = policies!()]
///
/// >>> import os, tempfile, reseau
/// >>> d = tempfile.mkdtemp()
/// >>> with open(os.path.join(d, "m.edges"), "w") as f:
/// ...     _ = f.write("1 1 2 1\n2 1 2 1\n2 2 3 1\n")
/// >>> with open(os.path.join(d, "layers.txt"), "w") as f:
/// ...     _ = f.write("layerID layerLabel\n1 lunch\n2 facebook\n")
/// >>> net = reseau.read_multiplex(os.path.join(d, "m.edges"), layers=os.path.join(d, "layers.txt"))
/// >>> [(l.name, l.kind) for l in net.layers], net.num_ties_in("facebook")
/// ([('lunch', 'physical'), ('facebook', 'digital')], 2)
#[pyfunction]
#[pyo3(signature = (edges, layers = None, nodes = None, **options))]
pub(crate) fn read_multiplex(
    py: Python<'_>,
    edges: PathBuf,
    layers: Option<PathBuf>,
    nodes: Option<PathBuf>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyNetwork> {
    let options: MultiplexOptions = self::options(py, "read_multiplex", options)?;
    let read = || reseau::read_multiplex(&edges, layers.as_deref(), nodes.as_deref(), &options);
    Ok(py.detach(read).map_err(err)?.into())
}

/// :func:`read_multiplex` on text (``str`` or ``bytes``) for the edges and the optional
/// tables.
///
/// >>> import reseau
/// >>> net = reseau.parse_multiplex("1 1 2 1\n2 2 3 1\n", layers="layerID layerLabel\n1 work\n2 twitter\n")
/// >>> [l.name for l in net.layers]
/// ['work', 'twitter']
#[pyfunction]
#[pyo3(signature = (edges, layers = None, nodes = None, **options))]
pub(crate) fn parse_multiplex(
    py: Python<'_>,
    edges: Data<'_>,
    layers: Option<Data<'_>>,
    nodes: Option<Data<'_>>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<PyNetwork> {
    let options: MultiplexOptions = self::options(py, "parse_multiplex", options)?;
    let (edges, layers, nodes) =
        (edges.bytes(), layers.as_ref().map(Data::bytes), nodes.as_ref().map(Data::bytes));
    let parse = || reseau::io::parse_multiplex(edges, layers, nodes, &options);
    Ok(py.detach(parse).map_err(err)?.into())
}

reader! {
    /// Reads a multinet ``.mpx`` file: layers, actors with their attributes (``group`` becomes
    /// each person's group, the others their attributes) and edges.
    ///
    /// Keyword arguments: ``digital`` (the names of the digital layers; default: guessed from the
    /// names),
    #[doc = policies!()]
    ///
    /// >>> import os, tempfile, reseau
    /// >>> path = os.path.join(tempfile.mkdtemp(), "tiny.mpx")
    /// >>> with open(path, "w") as f:
    /// ...     _ = f.write("#TYPE\nmultiplex\n#LAYERS\nwork,UNDIRECTED\n#EDGES\nana,bo,work\n")
    /// >>> reseau.read_mpx(path).num_ties
    /// 1
    read_mpx,
    /// :func:`read_mpx` on text (``str`` or ``bytes``); ``file`` names it in errors.
    ///
    /// >>> import reseau
    /// >>> reseau.parse_mpx("#LAYERS\nwork,UNDIRECTED\n#EDGES\nana,bo,work\n").labels
    /// ['ana', 'bo']
    parse_mpx(MpxOptions, reseau::read_mpx, reseau::io::parse_mpx)
}

reader! {
    /// Reads a signed rating CSV (``source,target,rating,time``, as SNAP's Bitcoin OTC and
    /// Alpha): a directed tie per rating, negative ratings as distrust (sign -1).
    ///
    /// Keyword arguments: ``directed`` (default ``True``: from rater to rated), ``layer`` (default
    /// ``"trust"``), ``kind`` (default ``"digital"``), ``header`` (skip a header line, default
    /// ``False``),
    #[doc = policies!()]
    ///
    /// >>> import os, tempfile, reseau
    /// >>> path = os.path.join(tempfile.mkdtemp(), "ratings.csv")
    /// >>> with open(path, "w") as f:
    /// ...     _ = f.write("6,2,4,1289241911.72836\n2,6,-3,1289241941.53378\n")
    /// >>> net = reseau.read_signed(path)
    /// >>> net.num_ties, sorted(net.ties()["sign"].tolist())
    /// (2, [-1, 1])
    read_signed,
    /// :func:`read_signed` on text (``str`` or ``bytes``); ``file`` names it in errors.
    ///
    /// >>> import reseau
    /// >>> reseau.parse_signed("1,2,-5,0\n").ties()["sign"].tolist()
    /// [-1]
    parse_signed(SignedOptions, reseau::read_signed, reseau::io::parse_signed)
}

/// Reads observed adoptions from a CSV file with a header: one row per observation, a
/// ``person`` (label, or ``#id``), a ``time`` (whole steps from 0; an empty cell, ``NA``,
/// ``null`` or ``None``: status unknown) and, when the header has it, a ``cascade``. Returns
/// the rows as dicts ``{"person", "time", "cascade"}``, which :func:`fit_cascade`,
/// :func:`shuffle_test` and :func:`infer_shadow` take as they are.
///
/// Keyword arguments: ``person``, ``time`` and ``cascade`` (the columns' names, default
/// those) and ``delimiter`` (default ``","``). A bad time is a ``ParseError`` naming the line.
///
/// >>> import pathlib, tempfile, reseau
/// >>> path = pathlib.Path(tempfile.mkdtemp()) / "adopted.csv"
/// >>> _ = path.write_text("physician,month\nU4,0\nU1,NA\n")
/// >>> reseau.read_adoptions(path, person="physician", time="month")
/// [{'person': 'U4', 'time': 0.0}, {'person': 'U1', 'time': None}]
#[pyfunction]
#[pyo3(signature = (path, **options))]
pub(crate) fn read_adoptions<'py>(
    py: Python<'py>,
    path: PathBuf,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options: AdoptionsCsv = Args::new(py, "read_adoptions", options)?.request()?;
    let rows = py.detach(|| inference::read_adoptions(&path, &options)).map_err(err)?;
    to_python(py, &rows)
}

/// :func:`read_adoptions` on text (``str`` or ``bytes``); ``file`` names it in errors.
///
/// >>> import reseau
/// >>> reseau.parse_adoptions("cascade,person,time\nt1,ana,0\n2,bo,3\n")
/// [{'person': 'ana', 'time': 0.0, 'cascade': 't1'}, {'person': 'bo', 'time': 3.0, 'cascade': 2}]
/// >>> reseau.parse_adoptions("person,time\nana,1.5\n", "a.csv")
/// Traceback (most recent call last):
///     ...
/// reseau.ParseError: a.csv:2: time "1.5" is not a whole number of steps from 0 to 1000000: "ana,1.5"
#[pyfunction]
#[pyo3(signature = (data, file = "<string>", **options))]
pub(crate) fn parse_adoptions<'py>(
    py: Python<'py>,
    data: Data<'py>,
    file: &str,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let options: AdoptionsCsv = Args::new(py, "parse_adoptions", options)?.request()?;
    let bytes = data.bytes();
    let rows = py.detach(|| inference::parse_adoptions(bytes, file, &options)).map_err(err)?;
    to_python(py, &rows)
}
