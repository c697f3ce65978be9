//! The core's distributed relay selection (`reseau::relays::distributed`) as two small
//! classes that `reseau.dask.select_relays` drives: a shard on each worker, the driver on the
//! client. Counts cross as numpy `uint32` arrays.

use std::sync::Arc;

use numpy::{IntoPyArray, PyArray1, PyReadonlyArray1};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};
use reseau::CompiledNetwork;
use reseau::cascade::SpreadStats;
use reseau::relays::SelectRelaysRequest;
use reseau::relays::distributed::{
    CountDrops, Need, RelayDriver, RelayShard, ShardPlan, ShardSizes,
};

use crate::args::Args;
use crate::de::from_py;
use crate::errors::err;
use crate::network::PyNetwork;
use crate::objects::{Labels, result, value};

/// The request of `reseau.dask.select_relays` from its keyword arguments.
fn request<'py>(
    py: Python<'py>,
    k: Option<&Bound<'py, PyAny>>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<SelectRelaysRequest> {
    Args::new(py, "select_relays", kwargs)?.with("k", k)?.models()?.numbers("costs")?.request()
}

/// A shard plan: a number of shards, or each shard's weight.
fn plan(shards: &Bound<'_, PyAny>) -> PyResult<ShardPlan> {
    if let Ok(count) = shards.extract::<usize>() {
        return ShardPlan::even(count).map_err(err);
    }
    let weights: Vec<u32> = from_py(shards, "shards", "dask.select_relays")?;
    ShardPlan::weighted(weights).map_err(err)
}

/// A shard's answer to an added person: the sets newly covered, the people whose counts fell
/// and by how much.
type Drops<'py> = (u64, Bound<'py, PyArray1<u32>>, Bound<'py, PyArray1<u32>>);

/// The evaluation of the relays: who, under which model, how many runs, which seed.
type Evaluation<'py> = (Vec<u32>, Bound<'py, PyAny>, u64, u64);

/// One shard of ``reseau.dask.select_relays`` (the core's ``RelayShard``), kept on a worker.
#[pyclass(module = "reseau._core", name = "_RelayShard")]
pub(crate) struct PyRelayShard {
    net: Arc<CompiledNetwork>,
    shard: RelayShard,
}

#[pymethods]
impl PyRelayShard {
    /// ``net``: a ``Network``, or the bytes of ``Network.to_bytes`` (read straight into the
    /// compiled view a shard needs, without making the editable network).
    #[new]
    #[pyo3(signature = (net, shards, index, k = None, **kwargs))]
    fn new<'py>(
        py: Python<'py>,
        net: &Bound<'py, PyAny>,
        shards: &Bound<'py, PyAny>,
        index: usize,
        k: Option<&Bound<'py, PyAny>>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Self> {
        let net = if let Ok(bytes) = net.cast::<PyBytes>() {
            let data = bytes.as_bytes();
            Arc::new(py.detach(|| reseau::io::from_bytes(data)).map_err(err)?)
        } else {
            net.extract::<PyRef<'py, PyNetwork>>()?.compiled(py)
        };
        let request = request(py, k, kwargs)?;
        let plan = plan(shards)?;
        let shard = RelayShard::new(&net, &request, &plan, index).map_err(err)?;
        Ok(PyRelayShard { net, shard })
    }

    /// Draws the shard's blocks up to ``theta`` sets per collection; its ``(r1, r2)`` sizes.
    fn sample(&mut self, py: Python<'_>, theta: u64) -> PyResult<(u64, u64)> {
        let PyRelayShard { net, shard } = self;
        let sizes = py.detach(|| shard.sample(net, theta)).map_err(err)?;
        Ok((sizes.r1, sizes.r2))
    }

    /// Each person's count of the shard's R1 sets (a new greedy pass).
    fn counts<'py>(&mut self, py: Python<'py>) -> Bound<'py, PyArray1<u32>> {
        let shard = &mut self.shard;
        py.detach(|| shard.counts()).into_pyarray(py)
    }

    /// Adds ``person``: ``(gained, people, drops)``.
    fn add<'py>(&mut self, py: Python<'py>, person: u32) -> PyResult<Drops<'py>> {
        let shard = &mut self.shard;
        let d = py.detach(|| shard.add(person)).map_err(err)?;
        Ok((d.gained, d.people.into_pyarray(py), d.drops.into_pyarray(py)))
    }

    /// The shard's R2 sets that ``relays`` cover.
    fn covered(&self, py: Python<'_>, relays: Vec<u32>) -> PyResult<u64> {
        py.detach(|| self.shard.covered(&relays)).map_err(err)
    }
}

/// The driver of ``reseau.dask.select_relays`` (the core's ``RelayDriver``), on the client.
#[pyclass(module = "reseau._core", name = "_RelayDriver")]
pub(crate) struct PyRelayDriver {
    net: Arc<CompiledNetwork>,
    labels: Labels,
    shards: usize,
    driver: RelayDriver,
}

#[pymethods]
impl PyRelayDriver {
    #[new]
    #[pyo3(signature = (net, shards, k = None, **kwargs))]
    fn new<'py>(
        py: Python<'py>,
        net: PyRef<'py, PyNetwork>,
        shards: &Bound<'py, PyAny>,
        k: Option<&Bound<'py, PyAny>>,
        kwargs: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Self> {
        let (net, labels) = net.view(py);
        let request = request(py, k, kwargs)?;
        let plan = plan(shards)?;
        let driver = py.detach(|| RelayDriver::new(&net, &request, &plan)).map_err(err)?;
        Ok(PyRelayDriver { net, labels, shards: plan.len(), driver })
    }

    /// What the driver needs next: ``("sample", theta)``, ``("counts",)``,
    /// ``("add", person)``, ``("covered", relays)`` or ``("done",)``.
    fn need<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        match self.driver.need() {
            Need::Sample { theta } => ("sample", theta).into_pyobject(py),
            Need::Counts => ("counts",).into_pyobject(py),
            Need::Add { person } => ("add", person).into_pyobject(py),
            Need::Covered { relays } => ("covered", relays).into_pyobject(py),
            Need::Done => ("done",).into_pyobject(py),
        }
    }

    /// Every shard's ``(r1, r2)`` sizes.
    fn sampled(&mut self, sizes: Vec<(u64, u64)>) -> PyResult<()> {
        let sizes: Vec<ShardSizes> =
            sizes.into_iter().map(|(r1, r2)| ShardSizes { r1, r2 }).collect();
        self.driver.sampled(&sizes).map_err(err)
    }

    /// Every shard's counts.
    fn counted(&mut self, py: Python<'_>, counts: Vec<PyReadonlyArray1<'_, u32>>) -> PyResult<()> {
        let counts: Vec<Vec<u32>> = counts.iter().map(|c| c.as_array().to_vec()).collect();
        let driver = &mut self.driver;
        py.detach(|| driver.counted(&counts)).map_err(err)
    }

    /// Every shard's ``(gained, people, drops)``.
    fn added(
        &mut self,
        py: Python<'_>,
        drops: Vec<(u64, PyReadonlyArray1<'_, u32>, PyReadonlyArray1<'_, u32>)>,
    ) -> PyResult<()> {
        let drops: Vec<CountDrops> = drops
            .iter()
            .map(|(gained, people, drops)| CountDrops {
                gained: *gained,
                people: people.as_array().to_vec(),
                drops: drops.as_array().to_vec(),
            })
            .collect();
        let driver = &mut self.driver;
        py.detach(|| driver.added(&drops)).map_err(err)
    }

    /// Every shard's covered R2 sets.
    fn covered(&mut self, covered: Vec<u64>) -> PyResult<()> {
        self.driver.covered(&covered).map_err(err)
    }

    /// The number of shards the driver expects answers from.
    fn num_shards(&self) -> usize {
        self.shards
    }

    /// The relays chosen (empty before ``("done",)``).
    fn relays(&self) -> Vec<u32> {
        self.driver.relays().to_vec()
    }

    /// The evaluation ``select_relays`` makes of the relays (the core decides which model):
    /// ``(relays, model, runs, seed)``, or ``None`` before ``("done",)`` or without runs.
    fn evaluation<'py>(&self, py: Python<'py>) -> PyResult<Option<Evaluation<'py>>> {
        let Some(e) = self.driver.evaluation() else { return Ok(None) };
        let relays = self.driver.relays().to_vec();
        Ok(Some((relays, value(py, "Model", &e.model)?, e.runs, e.seed)))
    }

    /// The ``RelaySelection``, with ``spread`` (a ``SpreadStats`` or ``None``).
    #[pyo3(signature = (spread = None))]
    fn selection<'py>(
        &self,
        py: Python<'py>,
        spread: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let spread: Option<SpreadStats> =
            spread.map(|s| from_py(s, "spread", "dask.select_relays")).transpose()?;
        let chosen = self.driver.selection(&self.net, spread).map_err(err)?;
        result(py, "RelaySelection", &chosen, Some(Labels(self.labels.0.clone())))
    }
}
