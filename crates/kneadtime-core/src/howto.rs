//! Standard how-to text for any technique, tool and area.
//!
//! The builder starts every new step with this text, in the person's language, and
//! a share link that keeps it sends a flag instead of the words: that is what keeps
//! a tailored routine short enough for a text message, and the receiver reads the
//! standard text in their own language. Share format version 1 refers to exactly
//! what these texts say, so their meaning must never change (the English words not
//! at all: old links are checked against them); new wording needs a new share
//! format version.

use super::i18n::Catalog;
use super::routine::{Area, Technique, Tool};

/// The catalogue key of the how-to text for a technique done with a tool.
fn technique_with_tool(technique: Technique, tool: Tool) -> &'static str {
    use Technique::*;
    use Tool::*;
    match (technique, tool) {
        (Effleurage, Hands) => "howto.technique.effleurage.hands",
        (Effleurage, FistForearm) => "howto.technique.effleurage.fist_forearm",
        (Effleurage, MassageBall) => "howto.technique.effleurage.massage_ball",
        (Effleurage, FoamRoller) => "howto.technique.effleurage.foam_roller",
        (Kneading, Hands) => "howto.technique.kneading.hands",
        (Kneading, FistForearm) => "howto.technique.kneading.fist_forearm",
        (Kneading, MassageBall) => "howto.technique.kneading.massage_ball",
        (Kneading, FoamRoller) => "howto.technique.kneading.foam_roller",
        (TriggerPoint, Hands) => "howto.technique.trigger_point.hands",
        (TriggerPoint, FistForearm) => "howto.technique.trigger_point.fist_forearm",
        (TriggerPoint, MassageBall) => "howto.technique.trigger_point.massage_ball",
        (TriggerPoint, FoamRoller) => "howto.technique.trigger_point.foam_roller",
        (MyofascialRelease, Hands) => "howto.technique.myofascial_release.hands",
        (MyofascialRelease, FistForearm) => "howto.technique.myofascial_release.fist_forearm",
        (MyofascialRelease, MassageBall) => "howto.technique.myofascial_release.massage_ball",
        (MyofascialRelease, FoamRoller) => "howto.technique.myofascial_release.foam_roller",
        (Stretch, _) => "howto.technique.stretch",
        (Rest, _) => "howto.technique.rest",
    }
}

/// The catalogue key of where on an area to work.
fn where_to_work(area: Area) -> &'static str {
    match area {
        Area::GluteusMaximus => "howto.area.gluteus_maximus",
        Area::GluteusMedius => "howto.area.gluteus_medius",
        Area::Piriformis => "howto.area.piriformis",
        Area::HipTfl => "howto.area.hip_tfl",
        Area::LowerBack => "howto.area.lower_back",
        Area::HamstringAttachment => "howto.area.hamstring_attachment",
        Area::WholeRegion => "howto.area.whole_region",
        Area::SacroiliacJoint => "howto.area.sacroiliac_joint",
        Area::GreaterTrochanter => "howto.area.greater_trochanter",
        Area::BackOfThigh => "howto.area.back_of_thigh",
    }
}

/// The standard how-to text for a step.
pub fn default_instructions(texts: &Catalog, technique: Technique, area: Area, tool: Tool) -> String {
    texts.fill(
        "howto.text",
        &[
            ("how", texts.text(technique_with_tool(technique, tool))),
            ("where", texts.text(where_to_work(area))),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::routine::limits::INSTRUCTIONS_MAX_CHARS;
    use crate::testing::{catalog, english};

    #[test]
    fn every_combination_has_text_within_limits_in_every_locale() {
        for locale in Locale::ALL {
            let texts = catalog(locale);
            assert!(texts.has("howto.text"), "{}", locale.tag());
            for technique in Technique::ALL {
                for tool in Tool::ALL {
                    assert!(
                        texts.has(technique_with_tool(technique, tool)),
                        "{}",
                        locale.tag()
                    );
                    for area in Area::ALL {
                        assert!(texts.has(where_to_work(area)), "{}", locale.tag());
                        let text = default_instructions(&texts, technique, area, tool);
                        assert!(text.chars().count() <= INSTRUCTIONS_MAX_CHARS, "{text}");
                        assert!(text.ends_with('.'), "{}: {text}", locale.tag());
                    }
                }
            }
        }
    }

    /// Share format version 1 sends a flag for these exact English words.
    #[test]
    fn english_standard_texts_are_the_version_one_words() {
        let texts = english();
        assert_eq!(
            default_instructions(&texts, Technique::Kneading, Area::GluteusMaximus, Tool::Hands),
            "Grip the muscle between fingers and thumb, lift it gently and squeeze, then let go and move on a little. \
             Work the fleshy middle of the buttock."
        );
        assert_eq!(
            default_instructions(&texts, Technique::Rest, Area::WholeRegion, Tool::FoamRoller),
            "Lie comfortably, let your weight go, and breathe slowly with a long breath out. \
             Cover the lower back, hips and buttocks."
        );
    }
}
