//! Standard how-to text for any technique, tool and area.
//!
//! The builder starts every new step with this text, and a share link that
//! keeps it sends a flag instead of the words: that is what keeps a tailored
//! routine short enough for a text message. Share format version 1 refers to
//! exactly these words, so they must never change; new wording needs a new
//! share format version.

use super::routine::{Area, Technique, Tool};

fn technique_with_tool(technique: Technique, tool: Tool) -> &'static str {
    use Technique::*;
    use Tool::*;
    match (technique, tool) {
        (Effleurage, Hands) => "Stroke slowly with flat, relaxed hands, lifting off at the end of each stroke and returning to the start.",
        (Effleurage, FistForearm) => "Glide the flat of your forearm or a loose fist slowly over the muscle, always in the same direction.",
        (Effleurage, MassageBall) => "Roll the ball in long, slow strokes with light body weight, covering the whole muscle.",
        (Effleurage, FoamRoller) => "Roll slowly over the whole length of the muscle with light body weight, breathing out as you roll.",
        (Kneading, Hands) => "Grip the muscle between fingers and thumb, lift it gently and squeeze, then let go and move on a little.",
        (Kneading, FistForearm) => "Make small, slow circles with your knuckles or forearm, moving on so no one spot gets all the pressure.",
        (Kneading, MassageBall) => "Make small circles on the ball, letting it knead the muscle, and shift a little every few breaths.",
        (Kneading, FoamRoller) => "Roll back and forth over a short stretch of the muscle, turning slightly to reach its edges.",
        (TriggerPoint, Hands) => "Find a tender spot with two fingers and press until it feels like a good hurt, about 5 out of 10. Hold still and let it ease.",
        (TriggerPoint, FistForearm) => "Rest a knuckle or your elbow on a tender spot and lean in until it is about 5 out of 10. Hold still and let it ease.",
        (TriggerPoint, MassageBall) => "Place the ball on a tender spot and let your weight sink in until it is about 5 out of 10. Hold still and let it ease.",
        (TriggerPoint, FoamRoller) => "Roll to a tender spot and stop there, letting your weight rest on it at about 5 out of 10 until it eases.",
        (MyofascialRelease, Hands) => "Press in with a flat hand, take up the slack in the skin, then hold a slow, steady stretch without sliding.",
        (MyofascialRelease, FistForearm) => "Sink your forearm into the muscle and, keeping contact, draw it slowly across in one long, held movement.",
        (MyofascialRelease, MassageBall) => "Let the ball sink in, then slowly move the nearby joint through its range while the ball stays in place.",
        (MyofascialRelease, FoamRoller) => "Rest on the roller, then slowly bend and straighten the nearby joint while the roller holds the muscle.",
        (Stretch, _) => "Ease into the stretch until you feel it clearly but without pain, and hold it still with long breaths out.",
        (Rest, _) => "Lie comfortably, let your weight go, and breathe slowly with a long breath out.",
    }
}

fn where_to_work(area: Area) -> &'static str {
    match area {
        Area::GluteusMaximus => "Work the fleshy middle of the buttock.",
        Area::GluteusMedius => "Work the upper, outer buttock, just below the bony rim of the pelvis.",
        Area::Piriformis => "Work deep in the middle of the buttock, away from the bony notch near the tailbone. Stop if you feel tingling down the leg.",
        Area::HipTfl => "Work the front of the hip, just below and in front of the bony point of the pelvis.",
        Area::LowerBack => "Stay on the thick muscle beside the spine, between the ribs and the pelvis, never on the spine itself.",
        Area::HamstringAttachment => "Work just below the sit bone, where the back of the thigh begins, gently.",
        Area::WholeRegion => "Cover the lower back, hips and buttocks.",
    }
}

/// The standard how-to text for a step.
pub fn default_instructions(technique: Technique, area: Area, tool: Tool) -> String {
    format!("{} {}", technique_with_tool(technique, tool), where_to_work(area))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routine::limits::INSTRUCTIONS_MAX_CHARS;

    #[test]
    fn every_combination_has_text_within_limits() {
        for technique in Technique::ALL {
            for tool in Tool::ALL {
                for area in Area::ALL {
                    let text = default_instructions(technique, area, tool);
                    assert!(text.chars().count() <= INSTRUCTIONS_MAX_CHARS, "{text}");
                    assert!(text.ends_with('.'), "{text}");
                }
            }
        }
    }
}
