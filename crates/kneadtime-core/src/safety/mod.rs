//! Safety: the warning signs that need a professional before any self-massage and
//! what each one means for the routines ([`signs`]), the cautions that follow from a
//! step's technique, area, pressure and tool ([`cautions`]), the structural rules
//! every routine is checked against ([`rules`]), and what the person has already read
//! and acknowledged ([`record`]).

pub mod cautions;
pub mod record;
pub mod rules;
pub mod signs;

pub use cautions::{routine_cautions, step_cautions, Caution};
pub use record::{AcknowledgedRoutine, SafetyRecord};
pub use rules::{check_routine, Rule, RuleWarning};
pub use signs::{advice_for, Advice, Precaution, RedFlag, Urgency, RED_FLAGS};
