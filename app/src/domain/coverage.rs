//! Who can take whom: for an office and each occupational field, how many counsellors know
//! the field, in which ways they meet and which languages they speak, with the gaps named
//! (no one at all, or no one for a way of meeting).

use super::Channel;

/// A counsellor as coverage counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Competence {
    pub office_id: i64,
    pub fields: Vec<String>,
    pub languages: Vec<String>,
    pub channels: Vec<Channel>,
}

/// One office's cover of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldCover {
    pub field: String,
    /// Counsellors who know the field.
    pub counsellors: usize,
    /// Of those, how many meet each way, in `Channel::ALL` order.
    pub by_channel: [usize; 3],
    /// The languages they speak between them, sorted.
    pub languages: Vec<String>,
}

impl FieldCover {
    /// Nobody at the office knows the field.
    pub fn uncovered(&self) -> bool {
        self.counsellors == 0
    }

    /// The ways of meeting nobody who knows the field offers (none when nobody knows it).
    pub fn channel_gaps(&self) -> Vec<Channel> {
        if self.uncovered() {
            return Vec::new();
        }
        Channel::ALL
            .into_iter()
            .zip(self.by_channel)
            .filter(|(_, n)| *n == 0)
            .map(|(c, _)| c)
            .collect()
    }
}

/// How `office_id` covers each of `fields`, in the order given.
pub fn cover(office_id: i64, fields: &[String], counsellors: &[Competence]) -> Vec<FieldCover> {
    let here: Vec<&Competence> = counsellors
        .iter()
        .filter(|c| c.office_id == office_id)
        .collect();
    fields
        .iter()
        .map(|field| {
            let knowing: Vec<&&Competence> = here
                .iter()
                .filter(|c| c.fields.iter().any(|f| f == field))
                .collect();
            let mut by_channel = [0; 3];
            for (i, ch) in Channel::ALL.into_iter().enumerate() {
                by_channel[i] = knowing.iter().filter(|c| c.channels.contains(&ch)).count();
            }
            let mut languages: Vec<String> = knowing
                .iter()
                .flat_map(|c| c.languages.iter().cloned())
                .collect();
            languages.sort();
            languages.dedup();
            FieldCover {
                field: field.clone(),
                counsellors: knowing.len(),
                by_channel,
                languages,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn c(office: i64, fields: &[&str], languages: &[&str], channels: &[Channel]) -> Competence {
        Competence {
            office_id: office,
            fields: fields.iter().map(|s| s.to_string()).collect(),
            languages: languages.iter().map(|s| s.to_string()).collect(),
            channels: channels.to_vec(),
        }
    }

    #[test]
    fn gaps_are_named() {
        let staff = [
            c(
                1,
                &["data-it"],
                &["sv", "en"],
                &[Channel::Phone, Channel::Video],
            ),
            c(
                1,
                &["data-it", "transport"],
                &["sv", "ar"],
                &[Channel::Phone],
            ),
            c(2, &["halso-sjukvard"], &["sv"], &Channel::ALL),
        ];
        let fields = [
            "data-it".to_owned(),
            "transport".to_owned(),
            "halso-sjukvard".to_owned(),
        ];
        let cover = cover(1, &fields, &staff);
        assert_eq!(cover[0].counsellors, 2);
        assert_eq!(cover[0].by_channel, [0, 2, 1]);
        assert_eq!(cover[0].languages, ["ar", "en", "sv"]);
        assert_eq!(cover[0].channel_gaps(), [Channel::Office]);
        assert_eq!(cover[1].channel_gaps(), [Channel::Office, Channel::Video]);
        assert!(
            cover[2].uncovered(),
            "another office's counsellor does not count"
        );
        assert!(cover[2].channel_gaps().is_empty());
    }

    proptest! {
        /// No channel is offered by more counsellors than know the field.
        #[test]
        fn counts_never_exceed_the_field(masks in proptest::collection::vec((0u8..8, 0u8..4), 0..12)) {
            let staff: Vec<Competence> = masks.iter().map(|(ch, f)| Competence {
                office_id: 1,
                fields: (0..2).filter(|i| f & (1 << i) != 0).map(|i| format!("f{i}")).collect(),
                languages: vec!["sv".into()],
                channels: Channel::ALL.into_iter().enumerate().filter(|(i, _)| ch & (1 << i) != 0).map(|(_, c)| c).collect(),
            }).collect();
            for fc in cover(1, &["f0".into(), "f1".into()], &staff) {
                prop_assert!(fc.by_channel.iter().all(|n| *n <= fc.counsellors));
                prop_assert_eq!(fc.uncovered(), fc.counsellors == 0);
            }
        }
    }
}
