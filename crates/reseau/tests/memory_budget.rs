//! The budget of a call ([`reseau::memory`]): a request's `max_memory`, else
//! `RESEAU_MAX_MEMORY`, else what the machine can give (a reading at most
//! [`FRESH_FOR`](reseau::memory::FRESH_FOR) old). The variable is set for a child process (this
//! test binary run again, one ignored test): a test never changes its own process's
//! environment.

use std::process::Command;
use std::time::Duration;

use reseau::referral::{ReferralRequest, route_referrals};
use reseau::{Error, datasets, memory};

/// Routing 200,000 requests needs about 27 MB: more than the child's 3 MiB.
const REQUESTS: u64 = 200_000;

#[test]
fn the_environment_sets_the_budget_of_calls_without_max_memory() {
    let exe = std::env::current_exe().expect("the test binary");
    let mut child = Command::new(exe)
        .args(["--exact", "child_under_three_mebibytes", "--ignored", "--nocapture"])
        .env(memory::ENV, "3M")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the child test runs");
    // Bounded: a child that hangs fails the test.
    let started = std::time::Instant::now();
    while child.try_wait().expect("the child's status").is_none() {
        assert!(started.elapsed() < Duration::from_secs(60), "the child still runs after 60 s");
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("the child's output");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("1 passed"), "the child test did not run: {text}");
}

#[test]
#[ignore = "run by the_environment_sets_the_budget_of_calls_without_max_memory, with RESEAU_MAX_MEMORY=3M"]
fn child_under_three_mebibytes() {
    assert_eq!(std::env::var(memory::ENV).as_deref(), Ok("3M"), "run me through my parent");
    assert_eq!(memory::budget(None).unwrap(), 3 << 20);
    assert_eq!(memory::budget(Some(5_000)).unwrap(), 5_000, "a request's max_memory wins");
    let net = datasets::aarhus_cs().compiled();
    // Refused under the variable's budget, every time (the machine's reading is cached, the
    // variable is not).
    for _ in 0..3 {
        let request = ReferralRequest { n_requests: Some(REQUESTS), ..Default::default() };
        match route_referrals(&net, &request) {
            Err(Error::OutOfMemory { available, .. }) => assert_eq!(available, 3 << 20),
            other => panic!("expected an OutOfMemoryError under 3 MiB, got {other:?}"),
        }
    }
    // A request's own max_memory overrides the variable.
    let request = ReferralRequest {
        n_requests: Some(REQUESTS),
        max_memory: Some(1 << 30),
        ..Default::default()
    };
    assert_eq!(route_referrals(&net, &request).unwrap().requests, REQUESTS);
    // A small call fits.
    let small = ReferralRequest { n_requests: Some(5), ..Default::default() };
    assert_eq!(route_referrals(&net, &small).unwrap().requests, 5);
}
