//! What the network can support: the report decides, before it runs anything, which parts
//! the network has the data for, and says why it leaves the others out.

use serde::{Deserialize, Serialize};

use super::doc::count;
use crate::compiled::{CompiledNetwork, NO_GROUP};
use crate::model::{LayerKind, Network};
use crate::referral::Strategy;

/// A part of the report left out, and why: one line of the text.
///
/// ```
/// use reseau::report::{ReportRequest, report};
/// let one_layer = reseau::generators::erdos_renyi(40, 4.0, 1)?;
/// let report = report(&one_layer, &ReportRequest::quick().seed(1))?;
/// let left_out = &report.omitted[0];
/// assert_eq!(left_out.sections, ["offline_online", "balance", "decline"]);
/// assert!(left_out.line.starts_with("No offline/online split and no balance sweep: the network has one layer"));
/// assert!(report.balance.is_none());
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Omission {
    /// The parts left out, by their names in the report (`offline_online`, `balance`,
    /// `decline`, `budgeted`).
    pub sections: Vec<String>,
    /// The sentence that says what is left out and why.
    pub line: String,
}

/// How referrals are routed in the report, and why.
///
/// ```
/// use reseau::report::{ReportRequest, report};
/// let report = report(&reseau::datasets::aarhus_cs(), &ReportRequest::quick().seed(1))?;
/// assert_eq!(report.routing.knowledge, "groups");
/// assert!(report.routing.reason.contains("10 groups"));
/// # Ok::<(), reseau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoutingChoice {
    /// The strategy.
    pub strategy: Strategy,
    /// What greedy routing goes by: `positions`, `groups`, `one_group` or `landmarks`
    /// (`given` when the options chose another strategy).
    pub knowledge: String,
    /// Why, in a sentence.
    pub reason: String,
}

/// Names joined as "a, b and c".
pub(super) fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Why the network has no offline/online split (`None`: it has both kinds of layer).
pub(super) fn no_split(net: &Network) -> Option<String> {
    let names = |kind: Option<LayerKind>| -> Vec<String> {
        net.layers()
            .iter()
            .filter(|l| kind.is_none_or(|k| l.kind == k))
            .map(|l| l.name.clone())
            .collect()
    };
    let all = names(None);
    let (physical, digital) = (names(Some(LayerKind::Physical)), names(Some(LayerKind::Digital)));
    match all.len() {
        0 => Some("the network has no layer".to_owned()),
        1 => Some(format!("the network has one layer, {}", all[0])),
        n if digital.is_empty() => Some(format!(
            "all {n} layers ({}) are physical; a layer's kind is set when the network is read",
            and_list(&physical)
        )),
        n if physical.is_empty() => Some(format!(
            "all {n} layers ({}) are digital; a layer's kind is set when the network is read",
            and_list(&digital)
        )),
        _ => None,
    }
}

/// The routing strategy and what it goes by.
pub(super) fn routing(view: &CompiledNetwork, asked: Option<Strategy>) -> RoutingChoice {
    if let Some(strategy) = asked.filter(|&s| s != Strategy::Greedy) {
        return RoutingChoice {
            strategy,
            knowledge: "given".into(),
            reason: "the strategy the options ask for".into(),
        };
    }
    let groups = view.group_names().len();
    let grouped = count(view.groups().iter().filter(|&&g| g != NO_GROUP).count() as u64);
    let n = count(view.num_people() as u64);
    let (knowledge, reason) = if view.positions().is_some() {
        ("positions", "everyone has a position, so a holder passes the request to the contact nearest the target".to_owned())
    } else if groups >= 2 {
        (
            "groups",
            format!(
                "{grouped} of {n} people belong to {groups} groups, so a holder passes the request into the target's group when they can, else towards it (by a landmark estimate of the distance)"
            ),
        )
    } else if groups == 1 {
        (
            "one_group",
            format!(
                "{grouped} of {n} people share one group, which says little about where the target is: a holder favours the contact with the most ties in it, then a landmark estimate of the distance"
            ),
        )
    } else {
        (
            "landmarks",
            "nobody has a group, so a holder passes the request to the contact that seems nearest the target by way of the best-connected people (a landmark estimate of the distance, which anyone can make)".to_owned(),
        )
    };
    RoutingChoice { strategy: Strategy::Greedy, knowledge: knowledge.into(), reason }
}

/// Why the budgeted choice is left out (`None`: people's costs differ).
pub(super) fn no_budget(view: &CompiledNetwork, budget: f64) -> Option<String> {
    let costs = view.costs();
    let first = *costs.first()?;
    costs.iter().all(|&c| c.to_bits() == first.to_bits()).then(|| {
        format!(
            "No choice within a budget: everyone costs the same ({first}), so a budget of {budget} only buys the best {} relays; give people costs to compare",
            if first > 0.0 { (budget / first).floor().to_string() } else { "n".into() }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Layer, Person};

    #[test]
    fn the_split_needs_both_kinds_of_layer() {
        let mut net = Network::new();
        assert_eq!(no_split(&net).as_deref(), Some("the network has no layer"));
        net.add_layer(Layer::physical("lunch")).unwrap();
        assert_eq!(no_split(&net).as_deref(), Some("the network has one layer, lunch"));
        net.add_layer(Layer::physical("work")).unwrap();
        assert!(no_split(&net).unwrap().starts_with("all 2 layers (lunch and work) are physical"));
        net.add_layer(Layer::digital("mail")).unwrap();
        assert_eq!(no_split(&net), None);
        let mut online = Network::new();
        for name in ["follows", "mentions", "retweets"] {
            online.add_layer(Layer::digital(name)).unwrap();
        }
        assert!(
            no_split(&online)
                .unwrap()
                .starts_with("all 3 layers (follows, mentions and retweets) are digital")
        );
    }

    #[test]
    fn routing_says_what_greedy_goes_by() {
        let mut net = Network::new();
        net.add_layer(Layer::physical("ties")).unwrap();
        for _ in 0..3 {
            net.add_person(Person::new()).unwrap();
        }
        let knows = |net: &Network| routing(&net.compile(), None).knowledge;
        assert_eq!(knows(&net), "landmarks");
        net.set_group(crate::PersonId(0), Some("a".into())).unwrap();
        assert_eq!(knows(&net), "one_group");
        net.set_group(crate::PersonId(1), Some("b".into())).unwrap();
        assert_eq!(knows(&net), "groups");
        assert_eq!(routing(&net.compile(), Some(Strategy::Hub)).strategy, Strategy::Hub);
        let lattice = crate::generators::kleinberg(3, 2.0, 1, 1).unwrap();
        assert_eq!(knows(&lattice), "positions");
    }

    #[test]
    fn a_budget_needs_costs_that_differ() {
        let mut net = Network::new();
        for _ in 0..3 {
            net.add_person(Person::new()).unwrap();
        }
        assert!(no_budget(&net.compile(), 4.0).unwrap().contains("only buys the best 4 relays"));
        net.set_cost(crate::PersonId(2), 3.0).unwrap();
        assert_eq!(no_budget(&net.compile(), 4.0), None);
    }
}
