//! One module per route.

pub mod about;
pub mod builder;
pub mod history;
pub mod home;
pub mod lazy;
pub mod not_found;
pub mod player;
pub mod received;
pub mod routine;
pub mod safety;
pub mod settings;
pub mod shared_progress;
