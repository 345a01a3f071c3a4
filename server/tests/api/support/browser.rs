//! A browser without JavaScript, for the HTTP tests.

use super::TestApp;

/// A browser without JavaScript: keeps cookies, posts forms, does not follow redirects
/// (so each step's answer can be checked).
pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub client: reqwest::Client,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Browser {
            app,
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                // A page that never comes is a failure, not a hung test; a slow one on a loaded
                // CI machine (two cores, every test at once) is not.
                .timeout(std::time::Duration::from_secs(60))
                .build()
                .unwrap(),
        }
    }

    pub async fn get(&self, path: &str) -> (u16, String) {
        let res = self
            .client
            .get(self.app.url(path))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// A GET whose answer is a redirect: where to.
    pub async fn get_location(&self, path: &str) -> (u16, String) {
        let res = self
            .client
            .get(self.app.url(path))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        status_and_location(&res)
    }

    /// Posts a form; returns the status and where it leads.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> (u16, String) {
        let res = self
            .client
            .post(self.app.url(path))
            .header("accept", "text/html")
            .header("referer", self.app.url("/registrera"))
            .form(fields)
            .send()
            .await
            .unwrap();
        status_and_location(&res)
    }

    /// Posts a form and expects to be sent to `to`.
    pub async fn post_to(&self, path: &str, fields: &[(&str, &str)], to: &str) {
        let (status, location) = self.post(path, fields).await;
        assert_eq!((status, location.as_str()), (302, to), "posting to {path}");
    }
}

/// A response's status and where it sends the browser (empty when nowhere).
fn status_and_location(res: &reqwest::Response) -> (u16, String) {
    let location = res
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (res.status().as_u16(), location)
}

impl Browser<'_> {
    /// Calls a server function the way the pages' scripts do (JSON back, no redirect).
    pub async fn call(&self, path: &str, fields: &[(&str, String)]) -> reqwest::Response {
        self.client
            .post(self.app.url(path))
            .header("accept", "application/json")
            .form(fields)
            .send()
            .await
            .unwrap()
    }
}

/// The refusal a server function answered with; its HTTP status must say the same, and a
/// refusal is never a failure (500).
pub async fn error_of(res: reqwest::Response) -> app::error::AppError {
    let status = res.status().as_u16();
    let error: app::error::AppError = res.json().await.unwrap();
    assert_eq!(
        status,
        server::error_status::status_of(&error).as_u16(),
        "{error:?}"
    );
    assert_ne!(status, 500, "a refusal is not a failure: {error:?}");
    error
}
