//! `Fatigue.willingness`: the core's curves applied to a number or, element by element with
//! the GIL released, to an array (the `Fatigue` value itself is `reseau._values.Fatigue`).

use numpy::ndarray::ArrayD;
use numpy::{PyArrayDyn, PyReadonlyArrayDyn};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyFloat, PyList, PyString, PyTuple};
use reseau::fatigue::Fatigue;

use crate::args::type_name;
use crate::de::from_py;
use crate::errors::err;

/// The willingness of `fatigue` at `load`: a float for a number, a float64 array of the same
/// shape for an array, a list or a tuple; a load below 0 or NaN is the core's error.
#[pyfunction]
pub(crate) fn _willingness<'py>(
    fatigue: &Bound<'py, PyAny>,
    load: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let py = load.py();
    let fatigue: Fatigue = from_py(fatigue, "fatigue", "Fatigue")?;
    let not_a_load = || {
        let name = type_name(load);
        PyTypeError::new_err(format!("load: expected a number or an array of numbers, not {name}"))
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
        let w = fatigue.try_willingness(value).map_err(err)?;
        return Ok(PyFloat::new(py, w).into_any());
    }
    let array = numpy.call_method1("asarray", (load, "float64")).map_err(|_| not_a_load())?;
    let array: PyReadonlyArrayDyn<'py, f64> = array.extract()?;
    let values = array.as_array();
    let out = py.detach(|| {
        let w = values.iter().map(|&l| fatigue.try_willingness(l)).collect::<Result<_, _>>()?;
        Ok(ArrayD::from_shape_vec(values.raw_dim(), w).expect("one willingness per load"))
    });
    Ok(PyArrayDyn::from_owned_array(py, out.map_err(err)?).into_any())
}
