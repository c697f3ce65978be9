//! Results that come back in are checked as live ones: each result type a binding rebuilds
//! from saved state (a pickle, a dict, JSON) has a `validate()` that checks that its parts
//! hold together (lengths agree, indices are in range, counts add up, shares lie in [0, 1],
//! numbers are finite), so that an edited or corrupted result raises a typed error naming the
//! field instead of an index out of bounds, or numbers that cannot be (50 requests, a million
//! delivered). Results that name people by id also have `validate_people(n)`, for when the
//! network they came from is known.
//!
//! The checks read only the fields every version has; fields added later are left to their
//! own checks.

use crate::balance::{BalanceReport, KindComparison};
use crate::cascade::{CascadeSummary, CascadeTrace, SpreadStats};
use crate::error::{Error, Result};
use crate::inference::CascadeFit;
use crate::referral::{LoadCurve, Outcome, ReferralSummary, ReferralTrace};
use crate::relays::RelaySelection;
use crate::report::Report;
use crate::reputation::Reputation;
use crate::shadow::ShadowGap;

/// An error naming `field` of `what` (`"ReferralSummary.succeeded"`).
fn bad(what: &str, field: &str, value: impl std::fmt::Display, expected: &str) -> Error {
    Error::invalid(format!("{what}.{field}"), value.to_string(), expected)
}

/// `x` is finite and ≥ 0.
fn non_negative(what: &str, field: &str, x: f64) -> Result<()> {
    if x.is_finite() && x >= 0.0 {
        Ok(())
    } else {
        Err(bad(what, field, crate::error::float(x), "a finite number >= 0"))
    }
}

/// `x` is a share in [0, 1].
fn share(what: &str, field: &str, x: f64) -> Result<()> {
    if (0.0..=1.0).contains(&x) {
        Ok(())
    } else {
        Err(bad(what, field, crate::error::float(x), "a share in [0, 1]"))
    }
}

/// `[lo, hi]` is an interval of finite numbers with lo ≤ hi.
fn interval(what: &str, field: &str, ci: [f64; 2]) -> Result<()> {
    if ci[0].is_finite() && ci[1].is_finite() && ci[0] <= ci[1] {
        Ok(())
    } else {
        let shown = format!("[{}, {}]", crate::error::float(ci[0]), crate::error::float(ci[1]));
        Err(bad(what, field, shown, "an interval [lo, hi] of finite numbers, lo <= hi"))
    }
}

/// `list` has `n` entries.
fn length<T>(what: &str, field: &str, list: &[T], n: usize, of: &str) -> Result<()> {
    if list.len() == n {
        Ok(())
    } else {
        Err(bad(what, field, format!("{} entries", list.len()), &format!("{n} ({of})")))
    }
}

/// `a` and `b` agree to rounding (they are the same sum taken in another order).
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Person ids below `n`.
fn people(what: &str, field: &str, ids: impl IntoIterator<Item = u32>, n: usize) -> Result<()> {
    for id in ids {
        if id as usize >= n {
            return Err(bad(
                what,
                field,
                id,
                &format!("person ids below {n} (the network's people)"),
            ));
        }
    }
    Ok(())
}

impl SpreadStats {
    /// Checks the statistics of `runs` runs on `layers` layers (people: `activation`'s
    /// length): mean, deviation and interval finite, the mean within [0, people] and equal
    /// to the seeds plus the people convinced through each layer, probabilities in [0, 1].
    fn check(&self, what: &str, runs: u64, layers: usize) -> Result<()> {
        let n = self.activation.len() as f64;
        non_negative(what, "mean", self.mean)?;
        if self.mean > n {
            return Err(bad(what, "mean", self.mean, &format!("at most the {n} people")));
        }
        non_negative(what, "std", self.std)?;
        interval(what, "ci95", self.ci95)?;
        for &p in &self.activation {
            share(what, "activation", p)?;
        }
        length(what, "by_layer", &self.by_layer, layers, "one per layer")?;
        for &x in &self.by_layer {
            non_negative(what, "by_layer", x)?;
        }
        non_negative(what, "seeds", self.seeds)?;
        let parts = self.seeds + self.by_layer.iter().sum::<f64>();
        if runs > 0 && !close(parts, self.mean) {
            return Err(bad(
                what,
                "mean",
                crate::error::float(self.mean),
                &format!("the seeds plus by_layer ({})", crate::error::float(parts)),
            ));
        }
        Ok(())
    }
}

impl CascadeSummary {
    /// Checks that the summary holds together: at least one run, the three statistics on
    /// the same people and layers, good and bad adding up to the total, `by_step` rising to
    /// the mean, one layer name per layer.
    ///
    /// ```
    /// use reseau::cascade::{SimulateRequest, simulate};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let mut summary = simulate(&net, &SimulateRequest::new([0]).runs(50))?;
    /// assert!(summary.validate().is_ok());
    /// summary.total.mean = 1e6; // edited
    /// assert_eq!(summary.validate().unwrap_err().kind(), "InvalidParameterError");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate(&self) -> Result<()> {
        const WHAT: &str = "CascadeSummary";
        if self.runs == 0 {
            return Err(bad(WHAT, "runs", 0, "at least 1"));
        }
        let (n, layers) = (self.total.activation.len(), self.layer_names.len());
        for (name, stats) in [("total", &self.total), ("good", &self.good), ("bad", &self.bad)] {
            length(WHAT, &format!("{name}.activation"), &stats.activation, n, "one per person")?;
            stats.check(&format!("{WHAT}.{name}"), self.runs, layers)?;
        }
        if !close(self.good.mean + self.bad.mean, self.total.mean) {
            return Err(bad(WHAT, "total.mean", self.total.mean, "good.mean + bad.mean"));
        }
        let mut before = 0.0;
        for &x in &self.by_step {
            if !(x.is_finite() && x >= before && x <= n as f64) {
                return Err(bad(WHAT, "by_step", x, "rising means within [0, people]"));
            }
            before = x;
        }
        if self.by_step.last().is_some_and(|&last| !close(last, self.total.mean)) {
            return Err(bad(WHAT, "by_step", before, "ending at total.mean"));
        }
        self.check_opinion()
    }

    /// The opinion curves: empty (an older summary), or one share per step of `by_step`,
    /// good and bad within [0, 1] and adding up to `by_step` over the people.
    fn check_opinion(&self) -> Result<()> {
        const WHAT: &str = "CascadeSummary";
        let o = &self.opinion;
        if o.good.is_empty() && o.bad.is_empty() {
            return Ok(());
        }
        let steps = self.by_step.len();
        let n = self.total.activation.len() as f64;
        for (name, len) in [
            ("good", o.good.len()),
            ("bad", o.bad.len()),
            ("net", o.net.len()),
            ("good_ci95", o.good_ci95.len()),
            ("bad_ci95", o.bad_ci95.len()),
            ("net_ci95", o.net_ci95.len()),
        ] {
            if len != steps {
                return Err(bad(
                    WHAT,
                    &format!("opinion.{name}"),
                    len,
                    "one value per step of by_step",
                ));
            }
        }
        for t in 0..steps {
            let (g, b) = (o.good[t], o.bad[t]);
            let fits = (0.0..=1.0).contains(&g)
                && (0.0..=1.0).contains(&b)
                && close((g + b) * n, self.by_step[t]);
            if !fits {
                return Err(bad(
                    WHAT,
                    "opinion.good",
                    g,
                    "shares adding up to by_step over the people",
                ));
            }
        }
        Ok(())
    }
}

impl CascadeTrace {
    /// Checks that the trace holds together: one entry per person in each list, `order`
    /// listing exactly the people convinced (step ≥ 0), each once, in the order of their
    /// steps; parents convinced before their children; valences 0 or 1.
    ///
    /// ```
    /// use reseau::cascade::{TraceRequest, trace};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let mut t = trace(&net, &TraceRequest::new([0]))?;
    /// assert!(t.validate().is_ok());
    /// t.order.push(1_000_000);
    /// assert!(t.validate().is_err());
    /// # Ok::<(), reseau::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate(&self) -> Result<()> {
        const WHAT: &str = "CascadeTrace";
        let n = self.step.len();
        length(WHAT, "parent", &self.parent, n, "one per person, as step")?;
        length(WHAT, "layer", &self.layer, n, "one per person, as step")?;
        length(WHAT, "valence", &self.valence, n, "one per person, as step")?;
        let convinced = self.step.iter().filter(|&&s| s >= 0).count();
        length(WHAT, "order", &self.order, convinced, "the people with a step")?;
        people(WHAT, "order", self.order.iter().copied(), n)?;
        let mut seen = vec![false; n];
        let mut last = 0;
        for &v in &self.order {
            let v = v as usize;
            if seen[v] || self.step[v] < last {
                return Err(bad(WHAT, "order", v, "each convinced person once, by step"));
            }
            seen[v] = true;
            last = self.step[v];
        }
        for v in 0..n {
            let (step, parent) = (self.step[v], self.parent[v]);
            let valence_ok =
                if step < 0 { self.valence[v] == -1 } else { (0..=1).contains(&self.valence[v]) };
            if !valence_ok || step < -1 || self.layer[v] < -1 {
                return Err(bad(
                    WHAT,
                    "step",
                    v,
                    "-1 for people not convinced, valence 0 or 1 otherwise",
                ));
            }
            if parent >= 0 {
                let p = usize::try_from(parent).unwrap_or(usize::MAX);
                if p >= n || p == v || step < 0 || self.step[p] < 0 || self.step[p] >= step {
                    return Err(bad(
                        WHAT,
                        "parent",
                        parent,
                        "someone convinced at an earlier step",
                    ));
                }
            } else if parent != -1 {
                return Err(bad(WHAT, "parent", parent, "a person id, or -1"));
            }
        }
        Ok(())
    }
}

impl ReferralSummary {
    /// Checks that the counts add up: no more requests succeeded or dropped than were
    /// routed, the success rate and its interval in [0, 1], the chains by length and by time
    /// counting the successes, `dropped[k] ≤ alive[k]`, hops by layer adding up to `hops`.
    ///
    /// ```
    /// use reseau::referral::{ReferralRequest, route_referrals};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let request = ReferralRequest { n_requests: Some(50), ..Default::default() };
    /// let mut summary = route_referrals(&net, &request)?;
    /// assert!(summary.validate().is_ok());
    /// summary.succeeded = 1_000_000; // "50 requests, 1,000,000 delivered"
    /// assert!(summary.validate().unwrap_err().to_string().contains("ReferralSummary.succeeded"));
    /// # Ok::<(), reseau::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate(&self) -> Result<()> {
        const WHAT: &str = "ReferralSummary";
        let ended = [self.succeeded, self.unwilling, self.dead_ends, self.truncated, self.ignored];
        let total = ended.iter().try_fold(0u64, |a, &b| a.checked_add(b));
        if total.is_none_or(|t| t > self.requests) {
            return Err(bad(
                WHAT,
                "succeeded",
                self.succeeded,
                &format!(
                    "with the dropped and ignored requests, at most the {} requests",
                    self.requests
                ),
            ));
        }
        share(WHAT, "success_rate", self.success_rate)?;
        let rate =
            if self.requests == 0 { 0.0 } else { self.succeeded as f64 / self.requests as f64 };
        if !close(rate, self.success_rate) {
            return Err(bad(WHAT, "success_rate", self.success_rate, "succeeded / requests"));
        }
        interval(WHAT, "success_ci95", self.success_ci95)?;
        share(WHAT, "success_ci95", self.success_ci95[0])?;
        share(WHAT, "success_ci95", self.success_ci95[1])?;
        let chains = self.chain_lengths.iter().try_fold(0u64, |a, &b| a.checked_add(b));
        if chains != Some(self.succeeded) {
            return Err(bad(WHAT, "chain_lengths", "their sum", "the succeeded requests"));
        }
        let timed = self.times.iter().try_fold(0u64, |a, t| a.checked_add(t[1]));
        let sorted = self.times.windows(2).all(|w| w[0][0] < w[1][0]);
        if timed != Some(self.succeeded) || !sorted {
            return Err(bad(
                WHAT,
                "times",
                "their chains",
                "the succeeded requests, sorted by steps",
            ));
        }
        for (field, mean) in
            [("mean_chain_length", self.mean_chain_length), ("mean_time", self.mean_time)]
        {
            match mean {
                Some(m) if self.succeeded > 0 => non_negative(WHAT, field, m)?,
                None if self.succeeded == 0 => {}
                _ => {
                    return Err(bad(
                        WHAT,
                        field,
                        "a mean",
                        "a mean exactly when a chain completed",
                    ));
                }
            }
        }
        length(WHAT, "dropped", &self.dropped, self.alive.len(), "one per hop, as alive")?;
        length(WHAT, "attrition", &self.attrition, self.alive.len(), "one per hop, as alive")?;
        for k in 0..self.alive.len() {
            if self.dropped[k] > self.alive[k] {
                return Err(bad(WHAT, "dropped", self.dropped[k], "at most the requests alive"));
            }
            share(WHAT, "attrition", self.attrition[k])?;
        }
        let layers = self.layer_names.len();
        length(WHAT, "layer_hops", &self.layer_hops, layers, "one per layer name")?;
        length(WHAT, "layer_shares", &self.layer_shares, layers, "one per layer name")?;
        let hops = self.layer_hops.iter().try_fold(0u64, |a, &b| a.checked_add(b));
        if hops != Some(self.hops) {
            return Err(bad(WHAT, "layer_hops", "their sum", "hops"));
        }
        for &s in &self.layer_shares {
            share(WHAT, "layer_shares", s)?;
        }
        for o in &self.overloaded {
            non_negative(WHAT, "overloaded.peak_load", o.peak_load)?;
            if o.requests > self.requests.max(self.hops) {
                return Err(bad(WHAT, "overloaded.requests", o.requests, "at most the requests"));
            }
        }
        Ok(())
    }

    /// [`ReferralSummary::validate`], and every person id below `num_people`.
    ///
    /// # Errors
    /// As [`ReferralSummary::validate`].
    pub fn validate_people(&self, num_people: usize) -> Result<()> {
        self.validate()?;
        people(
            "ReferralSummary",
            "overloaded.person",
            self.overloaded.iter().map(|o| o.person),
            num_people,
        )
    }
}

impl ReferralTrace {
    /// Checks that the journey holds together: it starts at its source, a label per person
    /// on the path, a layer per hop, `hops` ties, an end no earlier than its start, and a
    /// delivered request ending at its target.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate(&self) -> Result<()> {
        const WHAT: &str = "ReferralTrace";
        if self.path.first() != Some(&self.source) {
            return Err(bad(WHAT, "path", "its first person", "the source"));
        }
        length(WHAT, "labels", &self.labels, self.path.len(), "one per person on the path")?;
        length(WHAT, "layers", &self.layers, self.path.len() - 1, "one per hop")?;
        if self.hops != self.layers.len() {
            return Err(bad(WHAT, "hops", self.hops, "the ties on the path"));
        }
        if self.end < self.start {
            return Err(bad(WHAT, "end", self.end, "no earlier than start"));
        }
        if self.outcome == Outcome::Delivered && self.path.last() != Some(&self.target) {
            return Err(bad(WHAT, "path", "its last person", "the target of a delivered request"));
        }
        Ok(())
    }

    /// [`ReferralTrace::validate`], and every person id below `num_people`.
    ///
    /// # Errors
    /// As [`ReferralTrace::validate`].
    pub fn validate_people(&self, num_people: usize) -> Result<()> {
        self.validate()?;
        let ids = [self.source, self.target].into_iter().chain(self.path.iter().copied());
        people("ReferralTrace", "path", ids, num_people)
    }
}

impl LoadCurve {
    /// Checks that the curve holds together: one entry per rate in every list, rates
    /// increasing and positive, successes within requests, the peak one of the points.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate(&self) -> Result<()> {
        const WHAT: &str = "LoadCurve";
        let n = self.rates.len();
        length(WHAT, "requests", &self.requests, n, "one per rate")?;
        length(WHAT, "succeeded", &self.succeeded, n, "one per rate")?;
        length(WHAT, "throughput", &self.throughput, n, "one per rate")?;
        length(WHAT, "success_rate", &self.success_rate, n, "one per rate")?;
        length(WHAT, "mean_chain_length", &self.mean_chain_length, n, "one per rate")?;
        if n == 0 {
            return Err(bad(WHAT, "rates", "none", "at least one rate"));
        }
        if !self.rates.iter().all(|r| r.is_finite() && *r > 0.0)
            || !self.rates.windows(2).all(|w| w[0] < w[1])
        {
            return Err(bad(WHAT, "rates", "rates", "increasing finite rates > 0"));
        }
        if self.warmup > self.steps {
            return Err(bad(WHAT, "warmup", self.warmup, "at most steps"));
        }
        for i in 0..n {
            if self.succeeded[i] > self.requests[i] {
                return Err(bad(WHAT, "succeeded", self.succeeded[i], "at most the requests"));
            }
            share(WHAT, "success_rate", self.success_rate[i])?;
            non_negative(WHAT, "throughput", self.throughput[i])?;
            if let Some(m) = self.mean_chain_length[i] {
                non_negative(WHAT, "mean_chain_length", m)?;
            }
        }
        let i = self.peak_index;
        if i >= n
            || self.peak_rate.to_bits() != self.rates[i].to_bits()
            || self.peak_throughput.to_bits() != self.throughput[i].to_bits()
        {
            return Err(bad(WHAT, "peak_index", i, "the index of the peak's rate and throughput"));
        }
        if let Some(r) = self.collapse_rate {
            if !(r.is_finite() && r > 0.0) {
                return Err(bad(
                    WHAT,
                    "collapse_rate",
                    crate::error::float(r),
                    "a finite rate > 0",
                ));
            }
        }
        Ok(())
    }
}

impl RelaySelection {
    /// Checks that the selection holds together: distinct relays, one gain per relay (and
    /// one label and cost per relay, when it has them), finite estimates, an approximation ratio at most 1, a finite cost ≥ 0, and the
    /// evaluation's statistics (when there is one) holding together.
    ///
    /// ```
    /// use reseau::relays::{SelectRelaysRequest, select_relays};
    /// let net = reseau::datasets::aarhus_cs().compile();
    /// let request = SelectRelaysRequest { evaluation_runs: 100, ..SelectRelaysRequest::k(2) };
    /// let mut chosen = select_relays(&net, &request)?;
    /// assert!(chosen.validate_people(net.num_people()).is_ok());
    /// chosen.relays[0] = 10_000; // edited
    /// assert!(chosen.validate_people(net.num_people()).is_err());
    /// # Ok::<(), reseau::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate(&self) -> Result<()> {
        const WHAT: &str = "RelaySelection";
        let mut sorted = self.relays.clone();
        sorted.sort_unstable();
        if sorted.windows(2).any(|w| w[0] == w[1]) {
            return Err(bad(WHAT, "relays", "a repeated person", "distinct people"));
        }
        length(WHAT, "gains", &self.gains, self.relays.len(), "one per relay")?;
        // Labels and costs: one per relay, or none (a selection saved before they were kept).
        if !self.labels.is_empty() {
            length(WHAT, "labels", &self.labels, self.relays.len(), "one per relay")?;
        }
        if !self.costs.is_empty() {
            length(WHAT, "costs", &self.costs, self.relays.len(), "one per relay")?;
        }
        if let Some(c) = self.costs.iter().find(|c| !(c.is_finite() && **c >= 0.0)) {
            return Err(bad(WHAT, "costs", c, "finite numbers >= 0"));
        }
        if let Some(g) = self.gains.iter().find(|g| !g.is_finite()) {
            return Err(bad(WHAT, "gains", g, "finite numbers"));
        }
        if let Some(s) = self.estimated_spread {
            non_negative(WHAT, "estimated_spread", s)?;
        }
        if let Some(a) = self.approximation {
            if !(a.is_finite() && a <= 1.0) {
                return Err(bad(WHAT, "approximation", a, "a ratio at most 1"));
            }
        }
        non_negative(WHAT, "cost", self.cost)?;
        if let Some(spread) = &self.spread {
            spread.check("RelaySelection.spread", 0, spread.by_layer.len())?;
            people(WHAT, "relays", self.relays.iter().copied(), spread.activation.len())?;
        }
        Ok(())
    }

    /// [`RelaySelection::validate`], and every relay below `num_people`.
    ///
    /// # Errors
    /// As [`RelaySelection::validate`].
    pub fn validate_people(&self, num_people: usize) -> Result<()> {
        self.validate()?;
        people("RelaySelection", "relays", self.relays.iter().copied(), num_people)
    }
}

impl Reputation {
    /// Checks that the scores hold together: every score list empty (not computed) or one
    /// finite score ≥ 0 per person, and one list per layer name in the per-layer scores.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate(&self) -> Result<()> {
        const WHAT: &str = "Reputation";
        let n =
            [&self.degree, &self.pagerank, &self.multiplex_pagerank, &self.core, &self.influence]
                .iter()
                .map(|v| v.len())
                .max()
                .unwrap_or(0);
        let lists = [
            ("degree", &self.degree),
            ("pagerank", &self.pagerank),
            ("multiplex_pagerank", &self.multiplex_pagerank),
            ("core", &self.core),
            ("influence", &self.influence),
        ];
        let per_layer =
            self.layer_degree.iter().chain(&self.layer_pagerank).map(|v| ("layer scores", v));
        for (field, scores) in lists.into_iter().chain(per_layer) {
            if !scores.is_empty() {
                length(WHAT, field, scores, n, "one score per person, or none")?;
            }
            for &x in scores {
                non_negative(WHAT, field, x)?;
            }
        }
        for (field, per) in
            [("layer_degree", &self.layer_degree), ("layer_pagerank", &self.layer_pagerank)]
        {
            if !per.is_empty() {
                length(WHAT, field, per, self.layer_names.len(), "one per layer name, or none")?;
            }
        }
        Ok(())
    }
}

impl BalanceReport {
    /// Checks that the table holds together: mixes in [0, 1], one row per mix and period,
    /// rates and shares in [0, 1], intervals with lo ≤ hi, the best and robust mixes among
    /// the mixes.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate(&self) -> Result<()> {
        const WHAT: &str = "BalanceReport";
        for &m in &self.mixes {
            share(WHAT, "mixes", m)?;
        }
        let cells = self.mixes.len().saturating_mul(self.periods as usize + 1);
        length(WHAT, "rows", &self.rows, cells, "one per mix and period")?;
        for row in &self.rows {
            if !self.mixes.iter().any(|m| m.to_bits() == row.mix.to_bits())
                || row.period > self.periods
            {
                return Err(bad(WHAT, "rows", row.mix, "rows of the mixes and periods"));
            }
            share(WHAT, "rows.success_rate", row.success_rate)?;
            interval(WHAT, "rows.success_ci", row.success_ci)?;
            if let Some(t) = row.time_to_target {
                non_negative(WHAT, "rows.time_to_target", t)?;
            }
            if let Some(ci) = row.time_ci {
                interval(WHAT, "rows.time_ci", ci)?;
            }
            non_negative(WHAT, "rows.throughput", row.throughput)?;
            interval(WHAT, "rows.throughput_ci", row.throughput_ci)?;
            share(WHAT, "rows.referral_offline_share", row.referral_offline_share)?;
            non_negative(WHAT, "rows.reach", row.reach)?;
            interval(WHAT, "rows.reach_ci", row.reach_ci)?;
            share(WHAT, "rows.cascade_offline_share", row.cascade_offline_share)?;
        }
        let known = |m: f64| self.mixes.iter().any(|x| x.to_bits() == m.to_bits());
        for b in &self.best {
            if !known(b.mix) || !b.value.is_finite() {
                return Err(bad(WHAT, "best", b.mix, "one of the mixes, with a finite value"));
            }
            interval(WHAT, "best.ci", b.ci)?;
        }
        for (name, list) in [("robust", &self.robust), ("maximin", &self.maximin)] {
            for r in list {
                if !known(r.mix) || r.worst_period > self.periods {
                    return Err(bad(WHAT, name, r.mix, "one of the mixes and periods"));
                }
                interval(WHAT, &format!("{name}.mean_ci"), r.mean_ci)?;
                interval(WHAT, &format!("{name}.worst_ci"), r.worst_ci)?;
            }
        }
        Ok(())
    }
}

impl CascadeFit {
    /// Checks that the fit holds together: probabilities, shares and p-values in [0, 1],
    /// intervals with lo ≤ hi, a finite log-likelihood and AIC, and a valid model.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate(&self) -> Result<()> {
        const WHAT: &str = "CascadeFit";
        for p in self.probabilities.values().flatten() {
            share(WHAT, "probabilities", *p)?;
        }
        for ci in self.ci95.values().flatten() {
            interval(WHAT, "ci95", *ci)?;
        }
        for p in self.layer_tests.values().flatten() {
            share(WHAT, "layer_tests", *p)?;
        }
        if let Some(h) = self.external {
            share(WHAT, "external", h)?;
        }
        if let Some(ci) = self.external_ci95 {
            interval(WHAT, "external_ci95", ci)?;
        }
        share(WHAT, "shadow_share", self.shadow_share)?;
        interval(WHAT, "shadow_share_ci95", self.shadow_share_ci95)?;
        if let Some(ci) = self.shadow_share_bootstrap_ci95 {
            interval(WHAT, "shadow_share_bootstrap_ci95", ci)?;
        }
        for (field, x) in [("log_likelihood", self.log_likelihood), ("aic", self.aic)] {
            if !x.is_finite() {
                return Err(bad(WHAT, field, crate::error::float(x), "a finite number"));
            }
        }
        self.model.validate()
    }
}

impl KindComparison {
    /// Checks that the comparison holds together for a network of `people`: sources among
    /// them, spreads below them, success rates in [0, 1], intervals with lo ≤ hi, and the
    /// equal-count networks no larger than the smaller kind.
    ///
    /// ```
    /// use reseau::balance::{CompareKindsRequest, compare_kinds};
    /// let net = reseau::datasets::aarhus_cs();
    /// let request = CompareKindsRequest { sources: 2, runs: 50, steps: 10, ..Default::default() };
    /// let mut c = compare_kinds(&net, &request)?;
    /// c.validate_people(61)?;
    /// c.digital_equal.success = 1.5;
    /// assert_eq!(c.validate_people(61).unwrap_err().kind(), "InvalidParameterError");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate_people(&self, people: usize) -> Result<()> {
        const WHAT: &str = "KindComparison";
        if let Some(&p) = self.sources.iter().find(|&&p| p as usize >= people) {
            return Err(bad(WHAT, "sources", p, &format!("a person id below {people}")));
        }
        for (name, o) in [
            ("physical", &self.physical),
            ("digital", &self.digital),
            ("physical_equal", &self.physical_equal),
            ("digital_equal", &self.digital_equal),
        ] {
            non_negative(WHAT, &format!("{name}.spread"), o.spread)?;
            if o.spread > people as f64 {
                return Err(bad(WHAT, &format!("{name}.spread"), o.spread, "at most the people"));
            }
            interval(WHAT, &format!("{name}.spread_ci"), o.spread_ci)?;
            share(WHAT, &format!("{name}.success"), o.success)?;
            interval(WHAT, &format!("{name}.success_ci"), o.success_ci)?;
        }
        let fewest = self.physical.ties.min(self.digital.ties);
        if self.equal_ties != fewest
            || self.physical_equal.ties > fewest
            || self.digital_equal.ties > fewest
        {
            return Err(bad(
                WHAT,
                "equal_ties",
                self.equal_ties,
                "the smaller kind's tie count, which both equal-count networks keep",
            ));
        }
        Ok(())
    }
}

impl Report {
    /// Checks the report's results as their own `validate` does (the relays against the
    /// people named, the balance table, the fit), the campaign's reach and shares, the cold
    /// contacts' comparison and the claims' numbers.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate(&self) -> Result<()> {
        const WHAT: &str = "Report";
        let n = self.names.len();
        self.relays.validate_people(n)?;
        if let Some(b) = &self.budgeted {
            b.validate_people(n)?;
        }
        if let Some(b) = &self.balance {
            b.validate()?;
        }
        if let Some(f) = &self.fit {
            f.validate()?;
        }
        if let Some(g) = &self.shadow {
            g.validate()?;
        }
        let c = &self.campaign;
        non_negative(WHAT, "campaign.reach", c.reach)?;
        if c.reach > n as f64 {
            return Err(bad(WHAT, "campaign.reach", c.reach, "at most the people"));
        }
        interval(WHAT, "campaign.reach_ci", c.reach_ci)?;
        for &s in &c.layer_shares {
            share(WHAT, "campaign.layer_shares", s)?;
        }
        if let Some(s) = c.offline_share {
            share(WHAT, "campaign.offline_share", s)?;
        }
        for &x in &c.by_step {
            non_negative(WHAT, "campaign.by_step", x)?;
        }
        let cold = &self.cold_contact;
        non_negative(WHAT, "cold_contact.rate", cold.rate)?;
        share(WHAT, "cold_contact.cold_response", cold.cold_response)?;
        share(WHAT, "cold_contact.chain_success", cold.chain_success)?;
        interval(WHAT, "cold_contact.chain_success_ci95", cold.chain_success_ci95)?;
        share(WHAT, "cold_contact.cold_success", cold.cold_success)?;
        interval(WHAT, "cold_contact.cold_success_ci95", cold.cold_success_ci95)?;
        if let Some(k) = &self.tie_for_tie {
            k.validate_people(n)?;
        }
        for line in &self.claims {
            if !(1..=7).contains(&line.claim) {
                return Err(bad(
                    WHAT,
                    "claims.claim",
                    line.claim,
                    "a claim of docs/claims.md, 1 to 7",
                ));
            }
            for e in &line.evidence {
                if !e.value.is_finite() {
                    return Err(bad(
                        WHAT,
                        "claims.evidence.value",
                        crate::error::float(e.value),
                        "a finite number",
                    ));
                }
                if let Some(ci) = e.ci95 {
                    interval(WHAT, "claims.evidence.ci95", ci)?;
                }
            }
        }
        Ok(())
    }
}

impl ShadowGap {
    /// Checks that the spreads are finite, at least the sources and within their intervals,
    /// that `missed` is their difference and `missed_share` its share of the true spread.
    ///
    /// ```
    /// use reseau::shadow::{ShadowGapRequest, shadow_gap};
    /// let mut net = reseau::datasets::aarhus_cs();
    /// net.set_layer_shadow("work", true)?;
    /// let mut gap = shadow_gap(&net, &ShadowGapRequest { sources: vec![0.into()], runs: 100, ..Default::default() })?;
    /// gap.validate()?;
    /// gap.missed += 1.0;
    /// assert_eq!(gap.validate().unwrap_err().kind(), "InvalidParameterError");
    /// # Ok::<(), reseau::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] naming the first field that does not fit.
    pub fn validate(&self) -> Result<()> {
        const WHAT: &str = "ShadowGap";
        #[allow(clippy::cast_precision_loss)]
        let sources = self.sources.len() as f64;
        for (field, mean, ci) in [
            ("full_spread", self.full_spread, self.full_spread_ci95),
            ("observed_spread", self.observed_spread, self.observed_spread_ci95),
        ] {
            non_negative(WHAT, field, mean)?;
            if mean < sources {
                return Err(bad(WHAT, field, mean, "at least the number of sources"));
            }
            interval(WHAT, &format!("{field}_ci95"), ci)?;
        }
        interval(WHAT, "missed_ci95", self.missed_ci95)?;
        let missed = self.full_spread - self.observed_spread;
        if (self.missed - missed).abs() > 1e-9 * self.full_spread.max(1.0) {
            return Err(bad(WHAT, "missed", self.missed, "full_spread - observed_spread"));
        }
        let expected = if self.full_spread > 0.0 { missed / self.full_spread } else { 0.0 };
        if (self.missed_share - expected).abs() > 1e-9 {
            return Err(bad(WHAT, "missed_share", self.missed_share, "missed / full_spread"));
        }
        Ok(())
    }
}
