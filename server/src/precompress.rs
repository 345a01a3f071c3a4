//! The built site's scripts, wasm and stylesheets compressed once, at build time (brotli at
//! quality 11 and gzip at level 9), as `NAME.br` and `NAME.gz` next to each file. The file
//! handler (tower-http's `ServeDir`, through leptos_axum) sends those to browsers that
//! accept them, so an asset is never compressed again per request; only dynamic answers
//! are. `scripts/run.sh` runs it after building (`tidbok precompress`).

use std::{
    fs,
    io::{self, Write},
    path::{Path, PathBuf},
};

/// The files worth compressing; images and fonts are compressed already.
const KINDS: [&str; 5] = ["wasm", "js", "css", "svg", "json"];

/// One file compressed: its size as built, with gzip and with brotli (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compressed {
    pub path: PathBuf,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// Compresses every file of the kinds above under `site_root` (its folders too), replacing
/// what an earlier run wrote.
pub fn site(site_root: &Path) -> io::Result<Vec<Compressed>> {
    let mut done = Vec::new();
    walk(site_root, &mut done)?;
    done.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(done)
}

fn walk(dir: &Path, done: &mut Vec<Compressed>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, done)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| KINDS.contains(&e))
        {
            done.push(file(&path)?);
        }
    }
    Ok(())
}

fn file(path: &Path) -> io::Result<Compressed> {
    let raw = fs::read(path)?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&raw)?;
    let gz = gz.finish()?;
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut raw.as_slice(), &mut br, &params)?;
    let with = |ext: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(ext);
        PathBuf::from(name)
    };
    fs::write(with(".gz"), &gz)?;
    fs::write(with(".br"), &br)?;
    Ok(Compressed {
        path: path.to_owned(),
        raw: raw.len() as u64,
        gzip: gz.len() as u64,
        brotli: br.len() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_asset_gets_a_smaller_brotli_and_gzip_twin_that_unpacks_to_it() {
        let built = tempfile::tempdir().unwrap();
        let pkg = built.path().join("pkg");
        fs::create_dir(&pkg).unwrap();
        let js = "export function hello() { return 'hej hej hej hej hej hej'; }\n".repeat(200);
        fs::write(pkg.join("tidbok.js"), &js).unwrap();
        fs::write(pkg.join("bild.png"), [0u8; 64]).unwrap();
        let done = site(built.path()).unwrap();
        assert_eq!(done.len(), 1, "only scripts, wasm, styles and the like");
        let c = &done[0];
        assert!(c.brotli < c.gzip && c.gzip < c.raw, "{c:?}");
        let mut unpacked = Vec::new();
        brotli::BrotliDecompress(
            &mut fs::read(pkg.join("tidbok.js.br")).unwrap().as_slice(),
            &mut unpacked,
        )
        .unwrap();
        assert_eq!(unpacked, js.as_bytes());
        let mut gunzipped = String::new();
        io::Read::read_to_string(
            &mut flate2::read::GzDecoder::new(fs::File::open(pkg.join("tidbok.js.gz")).unwrap()),
            &mut gunzipped,
        )
        .unwrap();
        assert_eq!(gunzipped, js);
        assert!(!pkg.join("bild.png.br").exists());
        // Run again (a new build): the twins are replaced, not compressed themselves.
        assert_eq!(site(built.path()).unwrap().len(), 1);
    }
}
