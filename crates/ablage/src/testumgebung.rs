//! The S3-compatible test server, for this crate's tests and the
//! application's: `scripts/test.sh` starts one and exports these variables.
//!
//! | variable | meaning | default |
//! | --- | --- | --- |
//! | `JOBCENTER_TEST_S3_URL` | endpoint, e.g. `http://127.0.0.1:40123` | — (no S3 tests) |
//! | `JOBCENTER_TEST_S3_BUCKET` | an existing bucket | `jobcenter-test` |
//! | `JOBCENTER_TEST_S3_REGION` | region | `us-east-1` |
//! | `JOBCENTER_TEST_S3_ACCESS_KEY_ID` | access key id | `test` |
//! | `JOBCENTER_TEST_S3_SECRET_ACCESS_KEY` | secret access key | `test` |
//!
//! Tests share the bucket: give each test its own key prefix.

use crate::Ziel;

/// Endpoint URL of the test server; unset means "no S3 here".
pub const URL: &str = "JOBCENTER_TEST_S3_URL";
/// Bucket on the test server.
pub const BUCKET: &str = "JOBCENTER_TEST_S3_BUCKET";
/// Region for request signing.
pub const REGION: &str = "JOBCENTER_TEST_S3_REGION";
/// Access key id.
pub const ACCESS_KEY_ID: &str = "JOBCENTER_TEST_S3_ACCESS_KEY_ID";
/// Secret access key.
pub const SECRET_ACCESS_KEY: &str = "JOBCENTER_TEST_S3_SECRET_ACCESS_KEY";

/// The test server as a [`Ziel`], or `None` when [`URL`] is not set on a
/// developer's machine (the caller then skips its S3 case and says so).
///
/// # Panics
///
/// When `CI` is set (and not `false`/`0`) but [`URL`] is not: in CI an S3
/// test that cannot run is a failure, never a silent skip.
pub fn s3_ziel() -> Option<Ziel> {
    let Some(url) = var(URL) else {
        let ci = var("CI").is_some_and(|ci| ci != "false" && ci != "0");
        assert!(!ci, "CI is set but {URL} is not: start the S3 test server (scripts/test.sh does)");
        return None;
    };
    Some(Ziel::S3 {
        allow_http: url.starts_with("http://"),
        endpoint: Some(url),
        bucket: var(BUCKET).unwrap_or_else(|| "jobcenter-test".into()),
        region: var(REGION).unwrap_or_else(|| "us-east-1".into()),
        access_key_id: var(ACCESS_KEY_ID).unwrap_or_else(|| "test".into()),
        secret_access_key: var(SECRET_ACCESS_KEY).unwrap_or_else(|| "test".into()),
    })
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}
