//! Reusable view pieces.

pub mod icon;
pub mod routine_card;
pub mod site_header;
pub mod step_item;
