//! One module per route.

pub mod about;
pub mod builder;
pub mod history;
pub mod home;
pub mod lazy;
pub mod my_program;
pub mod not_found;
pub mod player;
pub mod program_builder;
pub mod received;
pub mod received_program;
pub mod routine;
pub mod safety;
pub mod settings;
pub mod shared_progress;
pub mod where_it_hurts;
