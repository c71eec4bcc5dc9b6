//! The player's keyboard shortcuts.

/// What a key asks of a session under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyAction {
    /// Pause a running session, resume a paused one.
    TogglePause,
    /// Restart the step, or go to the previous one right after a step began.
    Back,
    /// Go on to the next step.
    Skip,
    /// Ask to end the session.
    End,
}

/// The action of a key, named as `KeyboardEvent.key` names it: Space pauses or
/// resumes, the arrows go back and skip, Escape asks to end.
pub fn key_action(key: &str) -> Option<KeyAction> {
    match key {
        " " => Some(KeyAction::TogglePause),
        "ArrowLeft" => Some(KeyAction::Back),
        "ArrowRight" => Some(KeyAction::Skip),
        "Escape" => Some(KeyAction::End),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn space_arrows_and_escape_drive_the_session() {
        assert_eq!(key_action(" "), Some(KeyAction::TogglePause));
        assert_eq!(key_action("ArrowLeft"), Some(KeyAction::Back));
        assert_eq!(key_action("ArrowRight"), Some(KeyAction::Skip));
        assert_eq!(key_action("Escape"), Some(KeyAction::End));
    }

    #[test]
    fn other_keys_do_nothing() {
        for key in ["Enter", "Spacebar", "ArrowUp", "ArrowDown", "Esc", "a", "", "  "] {
            assert_eq!(key_action(key), None, "{key:?}");
        }
    }
}
