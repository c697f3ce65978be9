//! `reseau.Fatigue`: the core's `fatigue` module, converted.
//!
//! A frozen value wrapping the core's [`Fatigue`]; every constructor checks its parameters
//! with the core's `validate`, and `willingness` applies the core's curve, element by element
//! for an array (with the GIL released).

use numpy::ndarray::ArrayD;
use numpy::{PyArrayDyn, PyReadonlyArrayDyn};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyList, PyString, PyTuple, PyType};
use reseau::fatigue::{Curve, Fatigue};

use crate::cascade::{Reduced, core_value, present, to_python, type_name};
use crate::convert::{from_json, to_json};
use crate::errors::{err, invalid};
use crate::results::reduce;

/// A number argument, read as a float without going through JSON, so that an infinite
/// half-life or capacity stays infinite; the core's `validate` then judges it.
fn number(value: &Bound<'_, PyAny>, what: &str, expected: &str) -> PyResult<f64> {
    if value.is_instance_of::<PyBool>()
        || value.is_instance_of::<PyString>()
        || value.is_instance_of::<PyBytes>()
    {
        return Err(invalid(what, value.repr()?, expected));
    }
    value.extract::<f64>().map_err(|_| {
        invalid(what, value.repr().map_or_else(|_| "?".into(), |r| r.to_string()), expected)
    })
}

/// Recommendation fatigue: a curve mapping a person's **load** (the requests and exposures
/// they received, decaying by half every ``half_life`` steps; ``None``: never, a plain count)
/// to their **willingness** to act on the next one, in [0, 1]. Give it to
/// :func:`route_referrals`, :func:`referral_load_curve` or a cascade model (``fatigue=``).
///
/// ======================================  ==============================================
/// curve                                   willingness at load L
/// ======================================  ==============================================
/// ``Fatigue.none()``                      1
/// ``Fatigue.exponential(rate)``           exp(-rate·L)
/// ``Fatigue.hill(half, exponent)``        1 / (1 + (L/half)**exponent): ½ at L = half
/// ``Fatigue.capacity(capacity)``          1 while L < capacity, then 0
/// ``Fatigue.queue(size)``                 min(1, size / (L + 1)) (Gomez-Rodriguez et al.)
/// ``Fatigue.decreasing()``                1 / (0.1·L² + 1) (Kempe, Kleinberg & Tardos)
/// ======================================  ==============================================
///
/// Every curve is 1 at no load (except ``capacity(0)``) and never rises with the load. The
/// values are computed by the Rust core with IEEE basic operations only, so Python, Rust and
/// JavaScript give the very same bits. Fatigue values are immutable, compare equal when
/// their parameters are, pickle, and convert to and from dicts.
///
/// >>> import reseau
/// >>> tired = reseau.Fatigue.hill(half=3, exponent=2, half_life=10)
/// >>> tired
/// Fatigue.hill(half=3.0, exponent=2.0, half_life=10.0)
/// >>> tired.willingness(0), tired.willingness(3)
/// (1.0, 0.5)
/// >>> tired.willingness([0, 3, 6]).tolist()
/// [1.0, 0.5, 0.2]
/// >>> reseau.Fatigue.exponential(rate=-1)
/// Traceback (most recent call last):
///     ...
/// reseau.InvalidParameterError: invalid fatigue rate: -1 (expected a finite number >= 0)
#[pyclass(module = "reseau", name = "Fatigue", frozen, eq)]
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PyFatigue {
    pub(crate) inner: Fatigue,
}

impl PyFatigue {
    /// A checked fatigue of `curve` with the half-life argument (`None` or infinity: no decay).
    fn checked(curve: Curve, half_life: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let half_life = match present(half_life) {
            None => None,
            Some(h) => {
                let h = number(h, "fatigue half_life", "a number of steps > 0, or None")?;
                // An infinite half-life is no decay: the same as None, and stored so, which
                // keeps the value representable in JSON.
                (h != f64::INFINITY).then_some(h)
            }
        };
        let inner = Fatigue { curve, half_life };
        inner.validate().map_err(err)?;
        Ok(PyFatigue { inner })
    }
}

/// The curve's parameters in their order, for `__reduce__`.
fn parameters(curve: &Curve) -> Vec<f64> {
    match *curve {
        Curve::None {} | Curve::Decreasing {} => Vec::new(),
        Curve::Exponential { rate } => vec![rate],
        Curve::Hill { half, exponent } => vec![half, exponent],
        Curve::Capacity { capacity } => vec![capacity],
        Curve::Queue { size } => vec![f64::from(size)],
    }
}

/// A float as Python writes it, infinity included (`float('inf')`), so a repr evaluates.
fn py_float(x: f64) -> String {
    if x.is_finite() {
        format!("{x:?}")
    } else {
        format!(
            "float('{}')",
            if x.is_nan() {
                "nan"
            } else if x > 0.0 {
                "inf"
            } else {
                "-inf"
            }
        )
    }
}

/// `Fatigue.hill(half=3.0, exponent=2.0, half_life=10.0)`: the call that builds it.
pub(crate) fn fatigue_repr(f: &Fatigue) -> String {
    let mut args = match f.curve {
        Curve::None {} | Curve::Decreasing {} => Vec::new(),
        Curve::Exponential { rate } => vec![format!("rate={}", py_float(rate))],
        Curve::Hill { half, exponent } => {
            vec![format!("half={}", py_float(half)), format!("exponent={}", py_float(exponent))]
        }
        Curve::Capacity { capacity } => vec![format!("capacity={}", py_float(capacity))],
        Curve::Queue { size } => vec![format!("size={size}")],
    };
    if let Some(h) = f.half_life {
        args.push(format!("half_life={}", py_float(h)));
    }
    format!("Fatigue.{}({})", curve_kind(&f.curve), args.join(", "))
}

/// The curve's name, as serde writes its `kind` tag.
fn curve_kind(curve: &Curve) -> &'static str {
    match curve {
        Curve::None {} => "none",
        Curve::Exponential { .. } => "exponential",
        Curve::Hill { .. } => "hill",
        Curve::Capacity { .. } => "capacity",
        Curve::Queue { .. } => "queue",
        Curve::Decreasing {} => "decreasing",
    }
}

/// Fatigue from an argument: a :class:`Fatigue`, or a dict as `Fatigue.to_dict()` writes it.
pub(crate) fn fatigue_arg(value: &Bound<'_, PyAny>) -> PyResult<Fatigue> {
    if let Ok(f) = value.cast::<PyFatigue>() {
        return Ok(f.get().inner);
    }
    let fatigue: Fatigue =
        core_value(value, "fatigue", "a reseau.Fatigue, or a dict as Fatigue.to_dict() writes it")?;
    fatigue.validate().map_err(err)?;
    Ok(fatigue)
}

#[pymethods]
impl PyFatigue {
    /// No fatigue: willingness 1 whatever the load.
    ///
    /// >>> import reseau
    /// >>> reseau.Fatigue.none().willingness(1e9)
    /// 1.0
    #[staticmethod]
    fn none() -> Self {
        PyFatigue { inner: Fatigue::none() }
    }

    /// exp(-``rate``·L): willingness falls by the same factor with each unit of load;
    /// ``rate`` finite and >= 0.
    ///
    /// >>> import math, reseau
    /// >>> f = reseau.Fatigue.exponential(0.5)
    /// >>> abs(f.willingness(2) - math.exp(-1)) < 1e-15
    /// True
    #[staticmethod]
    #[pyo3(signature = (rate, half_life = None))]
    fn exponential(
        rate: &Bound<'_, PyAny>,
        half_life: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let rate = number(rate, "fatigue rate", "a finite number >= 0")?;
        PyFatigue::checked(Curve::Exponential { rate }, half_life)
    }

    /// 1 / (1 + (L/``half``)**``exponent``) (Hill's equation): 1 at no load, ½ at L =
    /// ``half``, then saturating towards 0; ``half`` > 0 and ``exponent`` > 0.
    ///
    /// >>> import reseau
    /// >>> f = reseau.Fatigue.hill(half=2, exponent=1)
    /// >>> f.willingness(2), f.willingness(6)
    /// (0.5, 0.25)
    #[staticmethod]
    #[pyo3(signature = (half, exponent, half_life = None))]
    fn hill(
        half: &Bound<'_, PyAny>,
        exponent: &Bound<'_, PyAny>,
        half_life: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let half = number(half, "fatigue half", "a finite number > 0")?;
        let exponent = number(exponent, "fatigue exponent", "a finite number > 0")?;
        PyFatigue::checked(Curve::Hill { half, exponent }, half_life)
    }

    /// 1 while L < ``capacity``, then 0: the person handles ``capacity`` items and stops;
    /// ``capacity`` >= 0 (infinity: no fatigue).
    ///
    /// >>> import reseau
    /// >>> f = reseau.Fatigue.capacity(2)
    /// >>> f.willingness([0, 1, 2, 3]).tolist()
    /// [1.0, 1.0, 0.0, 0.0]
    #[staticmethod]
    #[pyo3(signature = (capacity, half_life = None))]
    fn capacity(
        capacity: &Bound<'_, PyAny>,
        half_life: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let capacity = number(capacity, "fatigue capacity", "a number >= 0")?;
        PyFatigue::checked(Curve::Capacity { capacity }, half_life)
    }

    /// min(1, ``size`` / (L + 1)): limited attention, after Gomez-Rodriguez, Gummadi &
    /// Schölkopf (2014): a new item competes with the L already in the person's queue for
    /// ``size`` slots of attention and gets its share; ``size`` an integer >= 1.
    ///
    /// >>> import reseau
    /// >>> reseau.Fatigue.queue(2).willingness([0, 1, 3]).tolist()
    /// [1.0, 1.0, 0.5]
    #[staticmethod]
    #[pyo3(signature = (size, half_life = None))]
    fn queue(size: &Bound<'_, PyAny>, half_life: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let integer = !size.is_instance_of::<PyBool>() && size.hasattr("__index__")?;
        let size = integer
            .then(|| size.extract::<i64>().ok())
            .flatten()
            .and_then(|s| u32::try_from(s).ok())
            .map_or_else(
                || Err(invalid("fatigue queue size", size.repr()?, "an integer >= 1")),
                Ok,
            )?;
        PyFatigue::checked(Curve::Queue { size }, half_life)
    }

    /// 1 / (0.1·L² + 1): the decreasing cascade of Kempe, Kleinberg & Tardos (2005), as netmax
    /// implements it.
    ///
    /// >>> import reseau
    /// >>> reseau.Fatigue.decreasing().willingness(10) == 1 / 11
    /// True
    #[staticmethod]
    #[pyo3(signature = (half_life = None))]
    fn decreasing(half_life: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        PyFatigue::checked(Curve::Decreasing {}, half_life)
    }

    /// The willingness at ``load``, in [0, 1] (a load <= 0, or NaN, counts as 0): a float
    /// for a number, a float64 numpy array of the same shape for an array or a list.
    ///
    /// >>> import numpy as np, reseau
    /// >>> f = reseau.Fatigue.decreasing()
    /// >>> f.willingness(0)
    /// 1.0
    /// >>> f.willingness(np.array([[0.0, 10.0], [-1.0, 20.0]]))
    /// array([[1.        , 0.09090909],
    ///        [1.        , 0.02439024]])
    fn willingness<'py>(&self, load: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = load.py();
        let fatigue = self.inner;
        let not_a_load = || {
            PyTypeError::new_err(format!(
                "load: expected a number or an array of numbers, not {}",
                type_name(load)
            ))
        };
        if load.is_instance_of::<PyString>()
            || load.is_instance_of::<PyBytes>()
            || load.is_instance_of::<PyBool>()
        {
            return Err(not_a_load());
        }
        let numpy = py.import("numpy")?;
        let vector = load.is_instance_of::<PyList>()
            || load.is_instance_of::<PyTuple>()
            || load.is_instance(&numpy.getattr("ndarray")?)?;
        if !vector {
            let value: f64 = load.extract().map_err(|_| not_a_load())?;
            return Ok(PyFloat::new(py, fatigue.willingness(value)).into_any());
        }
        let array = numpy.call_method1("asarray", (load, "float64")).map_err(|_| not_a_load())?;
        let array: PyReadonlyArrayDyn<'py, f64> = array.extract()?;
        let values = array.as_array();
        let out: ArrayD<f64> = py.detach(|| values.mapv(|l| fatigue.willingness(l)));
        Ok(PyArrayDyn::from_owned_array(py, out).into_any())
    }

    /// The curve's name: ``"none"``, ``"exponential"``, ``"hill"``, ``"capacity"``,
    /// ``"queue"`` or ``"decreasing"``.
    #[getter]
    fn kind(&self) -> &'static str {
        curve_kind(&self.inner.curve)
    }

    /// The curve and its parameters, as a dict: ``{"kind": "hill", "half": 3.0,
    /// "exponent": 2.0}``.
    #[getter]
    fn curve<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner.curve, "fatigue curve")
    }

    /// The steps it takes a load to halve; ``None``: never (the load is a plain count).
    #[getter]
    fn half_life(&self) -> Option<f64> {
        self.inner.half_life
    }

    /// The fatigue as a dict (the core's serde form, which JSON and the JavaScript package
    /// share): ``curve``, and ``half_life`` when there is one.
    ///
    /// >>> import reseau
    /// >>> reseau.Fatigue.hill(3, 2, half_life=10).to_dict()
    /// {'curve': {'exponent': 2.0, 'half': 3.0, 'kind': 'hill'}, 'half_life': 10.0}
    /// >>> reseau.Fatigue.queue(4).to_dict()
    /// {'curve': {'kind': 'queue', 'size': 4}}
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_python(py, &self.inner, "fatigue")
    }

    /// The fatigue a dict describes, as :meth:`to_dict` writes it (keys left out take their
    /// defaults: no curve is no fatigue, no half-life is a plain count).
    ///
    /// >>> import reseau
    /// >>> reseau.Fatigue.from_dict({"curve": {"kind": "capacity", "capacity": 5}})
    /// Fatigue.capacity(capacity=5.0)
    /// >>> reseau.Fatigue.from_dict({"curve": {"kind": "hill", "halv": 3}})
    /// Traceback (most recent call last):
    ///     ...
    /// reseau.InvalidParameterError: invalid fatigue: unknown field `halv`, expected `half` or `exponent` (expected a dict as Fatigue.to_dict() writes it)
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let value = to_json(data, "fatigue")?;
        let inner: Fatigue = from_json("fatigue", value, "a dict as Fatigue.to_dict() writes it")?;
        inner.validate().map_err(err)?;
        Ok(PyFatigue { inner })
    }

    fn __repr__(&self) -> String {
        fatigue_repr(&self.inner)
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> Reduced<'py, (&'static str, Vec<f64>, Option<f64>)> {
        let f = slf.get().inner;
        reduce(slf, (curve_kind(&f.curve), parameters(&f.curve), f.half_life))
    }

    /// Rebuilds a pickled fatigue exactly (floats as they were, infinity included).
    #[classmethod]
    #[pyo3(name = "_from_state")]
    fn from_state(
        _cls: &Bound<'_, PyType>,
        kind: &str,
        parameters: Vec<f64>,
        half_life: Option<f64>,
    ) -> PyResult<Self> {
        let p = |i: usize| parameters.get(i).copied().unwrap_or(f64::NAN);
        let curve = match kind {
            "none" => Curve::None {},
            "exponential" => Curve::Exponential { rate: p(0) },
            "hill" => Curve::Hill { half: p(0), exponent: p(1) },
            "capacity" => Curve::Capacity { capacity: p(0) },
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            "queue" => Curve::Queue { size: p(0) as u32 },
            "decreasing" => Curve::Decreasing {},
            other => return Err(invalid("fatigue curve", other, "a curve kind")),
        };
        let inner = Fatigue { curve, half_life };
        inner.validate().map_err(err)?;
        Ok(PyFatigue { inner })
    }
}
