//! Where a postcode is, roughly, and which office is nearest to it.
//!
//! Swedish postcodes are handed out by area: the first two digits name a postal region
//! (11 central Stockholm, 41 Göteborg, 90 Umeå). Each region has an approximate centre here;
//! that is close enough to suggest an office, which is all it is used for. The person can
//! always choose another.

use super::Postcode;
use serde::{Deserialize, Serialize};

/// A point on the map in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Coordinates {
    pub latitude: f64,
    pub longitude: f64,
}

/// Approximate centres of the two-digit postal regions, ordered by prefix.
const REGION_CENTRES: &[(u32, f64, f64)] = &[
    (10, 59.33, 18.06), // Stockholm (boxes)
    (11, 59.33, 18.06), // Stockholm city
    (12, 59.29, 18.05), // Stockholm south
    (13, 59.31, 18.25), // Nacka, Värmdö
    (14, 59.21, 17.95), // Huddinge, Haninge, Botkyrka
    (15, 59.19, 17.63), // Södertälje, Nykvarn
    (16, 59.36, 17.90), // Bromma, Spånga
    (17, 59.40, 17.85), // Solna, Järfälla
    (18, 59.44, 18.07), // Lidingö, Täby, Danderyd
    (19, 59.52, 17.91), // Sollentuna, Upplands Väsby, Sigtuna
    (20, 55.60, 13.00), // Malmö (boxes)
    (21, 55.60, 13.00), // Malmö
    (22, 55.70, 13.19), // Lund
    (23, 55.42, 13.20), // Trelleborg, Vellinge
    (24, 55.84, 13.30), // Eslöv, Höör
    (25, 56.05, 12.69), // Helsingborg
    (26, 56.10, 12.85), // Ängelholm, Landskrona, Höganäs
    (27, 55.43, 13.82), // Ystad, Simrishamn
    (28, 56.16, 13.77), // Hässleholm, Osby
    (29, 56.03, 14.16), // Kristianstad, Sölvesborg
    (30, 56.67, 12.86), // Halmstad
    (31, 57.00, 12.50), // Falkenberg, Varberg
    (33, 57.18, 14.05), // Värnamo, Gislaved
    (34, 56.83, 13.94), // Ljungby, Älmhult
    (35, 56.88, 14.81), // Växjö
    (36, 56.75, 15.40), // Lessebo, Emmaboda
    (37, 56.16, 15.59), // Karlskrona, Ronneby
    (38, 56.66, 16.36), // Kalmar county
    (39, 56.66, 16.36), // Kalmar
    (40, 57.71, 11.97), // Göteborg (boxes)
    (41, 57.71, 11.97), // Göteborg
    (42, 57.72, 11.90), // Hisingen, Västra Frölunda
    (43, 57.60, 12.03), // Mölndal, Kungsbacka, Partille
    (44, 57.93, 12.20), // Alingsås, Kungälv, Stenungsund
    (45, 58.35, 11.94), // Uddevalla, Strömstad
    (46, 58.28, 12.29), // Trollhättan, Vänersborg
    (47, 58.06, 11.70), // Orust, Tjörn
    (50, 57.72, 12.94), // Borås
    (51, 57.50, 12.70), // Mark, Svenljunga
    (52, 58.17, 13.55), // Falköping, Ulricehamn
    (53, 58.50, 13.16), // Lidköping, Skara
    (54, 58.39, 13.85), // Skövde, Mariestad
    (55, 57.78, 14.16), // Jönköping
    (56, 57.65, 14.70), // Habo, Nässjö
    (57, 57.50, 15.00), // Eksjö, Vetlanda
    (58, 58.41, 15.62), // Linköping
    (59, 58.20, 15.80), // Motala, Mjölby, Västervik
    (60, 58.59, 16.18), // Norrköping
    (61, 58.75, 16.90), // Nyköping, Oxelösund
    (62, 57.63, 18.30), // Gotland
    (63, 59.37, 16.51), // Eskilstuna
    (64, 59.10, 16.30), // Katrineholm, Flen, Strängnäs
    (65, 59.38, 13.50), // Karlstad
    (66, 59.20, 12.90), // Säffle, Åmål, Bengtsfors
    (67, 59.65, 12.59), // Arvika
    (68, 59.80, 13.50), // Kristinehamn, Hagfors
    (69, 59.20, 14.70), // Karlskoga, Hallsberg
    (70, 59.27, 15.21), // Örebro
    (71, 59.50, 15.20), // Lindesberg, Nora
    (72, 59.61, 16.55), // Västerås
    (73, 59.70, 16.00), // Sala, Köping, Fagersta
    (74, 59.90, 17.60), // Enköping, Östhammar, Tierp
    (75, 59.86, 17.64), // Uppsala
    (76, 59.76, 18.70), // Norrtälje
    (77, 60.20, 15.60), // Avesta, Ludvika
    (78, 60.48, 15.43), // Borlänge, Malung
    (79, 60.70, 15.00), // Falun, Mora
    (80, 60.67, 17.14), // Gävle
    (81, 60.62, 16.78), // Sandviken, Hofors
    (82, 61.35, 16.40), // Bollnäs, Hudiksvall
    (83, 63.18, 14.64), // Östersund
    (84, 62.60, 14.50), // Härjedalen, Strömsund
    (85, 62.39, 17.31), // Sundsvall
    (86, 62.60, 17.50), // Timrå, Ånge
    (87, 62.93, 17.78), // Härnösand, Kramfors
    (88, 63.17, 17.27), // Sollefteå
    (89, 63.29, 18.71), // Örnsköldsvik
    (90, 63.83, 20.26), // Umeå
    (91, 64.00, 19.80), // Vännäs, Nordmaling
    (92, 64.60, 18.67), // Lycksele, Vilhelmina
    (93, 64.75, 20.95), // Skellefteå
    (94, 65.32, 21.48), // Piteå
    (95, 65.80, 22.50), // Kalix, Haparanda
    (96, 66.00, 20.90), // Boden, Jokkmokk
    (97, 65.58, 22.15), // Luleå
    (98, 67.85, 20.22), // Kiruna, Gällivare
];

impl Postcode {
    /// The approximate centre of the postcode's region. Unused prefixes take the nearest
    /// one in use, which is next door on the map as well.
    pub fn approximate_location(self) -> Coordinates {
        let prefix = self.value() / 1000;
        let &(_, latitude, longitude) = REGION_CENTRES
            .iter()
            .min_by_key(|(p, _, _)| p.abs_diff(prefix))
            .expect("the table is not empty");
        Coordinates {
            latitude,
            longitude,
        }
    }
}

/// Great-circle distance in kilometres.
pub fn distance_km(a: Coordinates, b: Coordinates) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0;
    let (lat1, lat2) = (a.latitude.to_radians(), b.latitude.to_radians());
    let d_lat = lat2 - lat1;
    let d_lon = (b.longitude - a.longitude).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

/// The item nearest to the postcode, e.g. `(office id, coordinates)` pairs.
pub fn nearest<T: Copy>(postcode: Postcode, places: &[(T, Coordinates)]) -> Option<T> {
    let here = postcode.approximate_location();
    places
        .iter()
        .min_by(|a, b| distance_km(here, a.1).total_cmp(&distance_km(here, b.1)))
        .map(|(item, _)| *item)
}

/// A postcode area an office serves: the first two or three digits of a postcode ("41",
/// "433"). It decides the office before distance does.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PostcodeArea(String);

impl PostcodeArea {
    pub fn parse(input: &str) -> Option<Self> {
        let s = input.trim();
        let ok = (2..=3).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_digit())
            && !s.starts_with('0');
        ok.then(|| Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn contains(&self, postcode: Postcode) -> bool {
        postcode.value().to_string().starts_with(&self.0)
    }
}

/// The office that serves a postcode: the one whose area matches it most closely, or else
/// the nearest. `areas` pairs an office with an area it serves.
pub fn serving_office<T: Copy>(
    postcode: Postcode,
    areas: &[(T, PostcodeArea)],
    places: &[(T, Coordinates)],
) -> Option<T> {
    areas
        .iter()
        .filter(|(_, area)| area.contains(postcode))
        .max_by_key(|(_, area)| area.as_str().len())
        .map(|(office, _)| *office)
        .or_else(|| nearest(postcode, places))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(latitude: f64, longitude: f64) -> Coordinates {
        Coordinates {
            latitude,
            longitude,
        }
    }

    /// The four demo offices.
    fn offices() -> Vec<(&'static str, Coordinates)> {
        vec![
            ("stockholm", at(59.331, 18.058)),
            ("goteborg", at(57.708, 11.973)),
            ("malmo", at(55.600, 13.001)),
            ("umea", at(63.826, 20.263)),
        ]
    }

    #[test]
    fn an_area_served_decides_before_distance() {
        let pc = |s: &str| Postcode::parse(s).unwrap();
        let area = |s: &str| PostcodeArea::parse(s).unwrap();
        // Örebro (70) is nearest Stockholm, but here Göteborg serves 70 and Umeå 702.
        let areas = vec![("goteborg", area("70")), ("umea", area("702"))];
        assert_eq!(
            serving_office(pc("70212"), &areas, &offices()),
            Some("umea")
        );
        assert_eq!(
            serving_office(pc("70510"), &areas, &offices()),
            Some("goteborg")
        );
        assert_eq!(
            serving_office(pc("11120"), &areas, &offices()),
            Some("stockholm")
        );
        for bad in ["", "4", "0411", "1234", "4a", "04"] {
            assert_eq!(PostcodeArea::parse(bad), None, "{bad:?}");
        }
        assert_eq!(PostcodeArea::parse(" 433 ").unwrap().as_str(), "433");
    }

    fn nearest_to(code: &str) -> &'static str {
        nearest(Postcode::parse(code).unwrap(), &offices()).unwrap()
    }

    #[test]
    fn suggests_the_office_a_person_would_expect() {
        assert_eq!(nearest_to("111 20"), "stockholm");
        assert_eq!(nearest_to("75236"), "stockholm"); // Uppsala
        assert_eq!(nearest_to("70212"), "stockholm"); // Örebro: not Umeå, though 70 is nearer 90
        assert_eq!(nearest_to("41114"), "goteborg");
        assert_eq!(nearest_to("50330"), "goteborg"); // Borås
        assert_eq!(nearest_to("21143"), "malmo");
        assert_eq!(nearest_to("29131"), "malmo"); // Kristianstad
        assert_eq!(nearest_to("90327"), "umea");
        assert_eq!(nearest_to("97231"), "umea"); // Luleå
    }

    #[test]
    fn measures_distance_in_kilometres() {
        let stockholm_goteborg = distance_km(at(59.331, 18.058), at(57.708, 11.973));
        assert!(
            (390.0..=405.0).contains(&stockholm_goteborg),
            "{stockholm_goteborg}"
        );
        assert_eq!(distance_km(at(59.0, 18.0), at(59.0, 18.0)), 0.0);
    }

    proptest! {
        /// A postcode inside an area served is always given that area's office.
        #[test]
        fn a_served_area_wins(code in 10_000u32..=99_999, len in 2usize..=3) {
            let postcode = Postcode::parse(&code.to_string()).unwrap();
            let area = PostcodeArea::parse(&code.to_string()[..len]).unwrap();
            let areas = vec![("served", area)];
            let far = vec![("served", at(0.0, 0.0)), ("near", postcode.approximate_location())];
            prop_assert_eq!(serving_office(postcode, &areas, &far), Some("served"));
        }


        #[test]
        fn every_postcode_has_a_place_in_sweden(code in 10000u32..=99999) {
            let location = Postcode::parse(&code.to_string()).unwrap().approximate_location();
            prop_assert!((55.0..=69.5).contains(&location.latitude));
            prop_assert!((10.5..=24.5).contains(&location.longitude));
        }
    }
}
