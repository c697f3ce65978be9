//! The binary format of a [`CompiledNetwork`]: what a big network is saved as, to be loaded
//! again at the speed of the disk.
//!
//! A file is a 32-byte header and a payload. The header: the magic bytes `\x89RESEAU\n`, the
//! byte order (`0x01020304` as a little-endian `u32`), the format version (`u32`, now 1), the
//! payload's length (`u64`), its CRC-32 (`u32`) and four zero bytes. The payload is a
//! sequence of little-endian items, each starting at a multiple of 8 bytes from the payload's
//! start (zeros fill the gaps): the number of people, of layers and the flags (`u64` each;
//! flag 1: positions); then arrays, each its item count (`u64`) and items: the people's kinds
//! (`u8`), costs (`f64`), groups (`u32`, `u32::MAX` for none), the group names, the positions
//! (`[f64; 2]`, when flagged), whether each person is labelled (`u8`), the labels, and the
//! labelled people's ids sorted by label (`u32`); strings are stored as their end offsets
//! (`u64`, from 0) and their UTF-8 text (`u8`). Then each layer: its name, kind (bit 0: 0
//! physical, 1 digital; bit 1 set: a shadow layer, so that files written before shadow layers
//! existed read as visible layers), directed (0/1), whether it has a probability (0/1) and the probability's `f64`
//! bits, its latency (`u64` each), and its compressed-sparse-row arrays as the compiled view
//! holds them: offsets (`u32`, people + 1), targets (`u32`), weights (`f32`), own
//! probabilities (`f32`, NaN for none), multiplicities (`u16`) and signs (`i8`). An undirected
//! tie is stored in both directions, as in memory: loading builds nothing.
//!
//! Loading checks everything before the network is used: the magic, the byte order (a file in
//! another byte order is an [`Error::Format`]), the version (a newer one is an
//! [`Error::UnsupportedVersion`]), the payload's length against the file's, each array's
//! length against the bytes left *before* allocating it (a damaged length cannot ask for
//! terabytes), the memory budget ([`crate::memory`]), every index and value (ids among the
//! people, offsets rising, weights finite, probabilities in [0, 1], labels unique, layers as
//! [`Layer::validate`](crate::Layer::validate) wants them) and the checksum. Every failure is
//! an [`Error::Format`] naming the file, the byte offset and the field (`layers[1].targets[17]`).
//! Two structural properties are not checked, by choice: that each undirected tie is stored
//! in both directions and that no tie repeats (one random access per tie: 28 s at 10^8 ties,
//! against 0.3 s for the whole load). No network compiles to a file that breaks them and the
//! checksum catches damage, so only a hand-made file can; it loads, analyses run on its arrays
//! as they are, and the editable network made from it on a first edit keeps each pair once.
//!
//! Why the arrays are read, not memory-mapped: the crate forbids `unsafe`, which mapping a
//! file needs (another process may change a mapped file under the program); and the compiled
//! view owns its arrays, so a mapping would still be copied once. Each array is read with one
//! `read_exact` straight into its final vector (`bytemuck` views a `Vec<u32>` as bytes,
//! safely), which is one copy from the page cache, as a mapping plus a copy would be, without
//! the page faults. On 10^7 directed ties it runs at the disk's (page cache's) speed: see
//! `docs/performance.md`, "The binary format".
//!
//! ```
//! let view = reseau::datasets::aarhus_cs().compile();
//! let bytes = view.to_bytes();
//! assert_eq!(&bytes[..8], b"\x89RESEAU\n");
//! assert_eq!(reseau::io::from_bytes(&bytes)?, view);
//! let err = reseau::io::from_bytes(&bytes[..100]).unwrap_err();
//! assert_eq!(err.kind(), "FormatError");
//! assert_eq!(err.to_string(), "<bytes>: byte 16: payload length: the header announces \
//!     22528 bytes of payload, the file holds 68");
//! # Ok::<(), reseau::Error>(())
//! ```

use std::io::{Seek, Write};
use std::path::Path;

use crate::compiled::CompiledNetwork;
use crate::error::{Error, Result};

mod layout;
mod network;
mod read;
mod write;

/// The name errors give bytes loaded with [`from_bytes`].
pub const BYTES_SOURCE: &str = "<bytes>";

/// The binary format's version this library writes (and the newest it reads).
///
/// ```
/// assert_eq!(reseau::io::BINARY_VERSION, 1);
/// ```
pub const BINARY_VERSION: u32 = layout::VERSION;

impl CompiledNetwork {
    /// The network in the binary format (see [`crate::io::from_bytes`]), for the web, which
    /// has no files.
    ///
    /// # Panics
    /// Never: writing to memory cannot fail.
    ///
    /// ```
    /// let view = reseau::generators::erdos_renyi(50, 0.1, 7)?.compile();
    /// assert_eq!(reseau::io::from_bytes(&view.to_bytes())?, view);
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = vec![0u8; layout::HEADER_LEN as usize];
        let (out, len, crc) =
            write::Writer::new(&mut out).network(self).expect("writing to memory cannot fail");
        out[..layout::HEADER_LEN as usize].copy_from_slice(&write::header(len, crc));
        std::mem::take(out)
    }

    /// Saves the network to `path` in the binary format (see [`crate::io::load`]); a file
    /// that cannot be written is an [`Error::Io`] naming it.
    ///
    /// ```
    /// let view = reseau::datasets::aarhus_cs().compile();
    /// let path = std::env::temp_dir().join("reseau-doctest-save.rsn");
    /// view.save(&path)?;
    /// assert_eq!(reseau::io::load(&path)?, view);
    /// assert_eq!(view.save("no/such/dir/net.rsn").unwrap_err().kind(), "FileError");
    /// # std::fs::remove_file(&path).ok();
    /// # Ok::<(), reseau::Error>(())
    /// ```
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let io = |e: std::io::Error| Error::Io {
            file: path.display().to_string(),
            message: e.to_string(),
        };
        let file = std::fs::File::create(path).map_err(io)?;
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        out.write_all(&[0u8; layout::HEADER_LEN as usize]).map_err(io)?;
        let (mut out, len, crc) = write::Writer::new(out).network(self).map_err(io)?;
        out.seek(std::io::SeekFrom::Start(0)).map_err(io)?;
        out.write_all(&write::header(len, crc)).map_err(io)?;
        out.into_inner().map_err(|e| io(e.into_error()))?.sync_all().map_err(io)
    }
}

/// Loads a network saved by [`CompiledNetwork::save`]: checked as the [module](crate::io::binary) says;
/// errors name the path.
///
/// ```
/// let path = std::env::temp_dir().join("reseau-doctest-load.rsn");
/// std::fs::write(&path, b"not a network")?;
/// let err = reseau::io::load(&path).unwrap_err();
/// assert_eq!(err.kind(), "FormatError");
/// assert!(err.to_string().ends_with("byte 13: header: the file holds 13 bytes, a header 32"));
/// assert_eq!(reseau::io::load("no/such/file.rsn").unwrap_err().kind(), "FileError");
/// # std::fs::remove_file(&path).ok();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn load(path: impl AsRef<Path>) -> Result<CompiledNetwork> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let io = |e: std::io::Error| Error::Io { file: name.clone(), message: e.to_string() };
    let file = std::fs::File::open(path).map_err(io)?;
    let len = file.metadata().map_err(io)?.len();
    read::network(std::io::BufReader::with_capacity(1 << 16, file), len, &name)
}

/// Loads a network from the bytes [`CompiledNetwork::to_bytes`] wrote; errors name the
/// input [`BYTES_SOURCE`].
///
/// ```
/// let mut bytes = reseau::datasets::aarhus_cs().compile().to_bytes();
/// bytes[12] = 2; // a version from the future
/// let err = reseau::io::from_bytes(&bytes).unwrap_err();
/// assert_eq!(err.kind(), "UnsupportedVersionError");
/// ```
pub fn from_bytes(bytes: &[u8]) -> Result<CompiledNetwork> {
    read::network(bytes, bytes.len() as u64, BYTES_SOURCE)
}
