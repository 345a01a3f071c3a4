//! The built site's assets, compressed once at build time (`tidbok precompress`), are sent as
//! they are to browsers that accept brotli or gzip, and as built to those that accept
//! neither; nothing is compressed again per request.

use crate::support::{spawn_app_with, Backend};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn precompressed_assets_are_sent_as_they_are() {
    let site = tempfile::tempdir().unwrap();
    let pkg = site.path().join("pkg");
    std::fs::create_dir(&pkg).unwrap();
    let js = "export function hej() { return 'hej från Tidbok'; }\n".repeat(300);
    std::fs::write(pkg.join("tidbok.js"), &js).unwrap();
    server::precompress::site(site.path()).unwrap();
    let root = site.path().to_string_lossy().into_owned();
    let app = spawn_app_with(
        Backend::Sqlite,
        false,
        &[("LEPTOS_SITE_ROOT", root.as_str())],
    )
    .await;
    for (accepts, encoding, file) in [
        ("br, gzip", Some("br"), "tidbok.js.br"),
        ("gzip", Some("gzip"), "tidbok.js.gz"),
        ("identity", None, "tidbok.js"),
    ] {
        let res = app
            .client
            .get(app.url("/pkg/tidbok.js"))
            .header("accept-encoding", accepts)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200, "{accepts}");
        assert_eq!(
            res.headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap()),
            encoding,
            "{accepts}"
        );
        assert!(res.headers()["content-type"]
            .to_str()
            .unwrap()
            .contains("javascript"));
        let body = res.bytes().await.unwrap();
        assert_eq!(
            body.as_ref(),
            std::fs::read(pkg.join(file)).unwrap(),
            "{accepts}"
        );
    }
    app.db.drop_database().await;
}
