//! Program links: a whole program packed into the URL fragment, framed like a routine
//! link (`share`): `<origin>/program#<payload>`, base64url of a version byte, then the
//! body in a zlib stream with its checksum, every size capped before it is decoded and
//! inflated. Nothing reaches a server.
//!
//! Version 1 body, integers LEB128 varints, strings a varint byte length then UTF-8:
//!
//! ```text
//! language tag of the therapist's words ("" when unknown), title, author, note,
//! flags (bit 0: the ease-off rule), phase count, then per phase:
//!   weeks, weekdays (bit 0 Monday … bit 6 Sunday), minute of day, routine count,
//!   then per routine a kind byte:
//!     0: a built-in by reference: id, revision (shown in the recipient's language)
//!     1: a whole routine, as a version 2 routine link carries it
//! ```
//!
//! Version 2 is version 1 whose whole routines are carried as a version 3 routine link
//! carries them (they may work the areas added then). Version 3 is version 2 whose
//! standard how-to flags refer to the second edition of the standard texts, as in a
//! version 4 routine link; it is written only when an embedded routine needs it.
//! Version 4 is version 3 whose steps carry positions, as in a version 5 routine link,
//! written only when an embedded routine names one. Program version `n` carries its
//! routines as routine link version `n + 1` does.

use super::i18n::{Catalog, Locale};
use super::program::{Phase, Program, ProgramError, ProgramRoutine, MAX_PHASES, MAX_ROUTINES_PER_PHASE};
use super::routine::Routine;
use super::share::{
    names_positions, pack, put_text, put_varint, put_whole, read_language, read_whole, unpack_up_to,
    uses_second_edition, works_a_later_area, Format, Reader, ShareError,
};

/// The newest format this version writes: 2 is 1 whose routines may work the areas
/// of share format 3 (see `share`), 3 is 2 with the second edition of the standard
/// texts, 4 is 3 with positions; each written only when a routine needs it.
pub const PROGRAM_LINK_VERSION: u8 = 4;
/// The last format without positions.
const VERSION_WITHOUT_POSITIONS: u8 = 3;
/// The last format whose standard texts are the first edition's.
const VERSION_WITH_LATER_AREAS: u8 = 2;
/// Where links point, after the origin.
pub const PROGRAM_LINK_PATH: &str = "/program";
const BY_REFERENCE: u8 = 0;
const WHOLE: u8 = 1;
const EASE_OFF_RULE: u8 = 1;

/// Why a program link cannot be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum ProgramLinkError {
    /// Cut, mangled, too long, from a newer app: as for routine links.
    Link(ShareError),
    /// It decodes, but is not a program that can be followed.
    Invalid(ProgramError),
}

/// The payload (the part after `#`) for `program`. Embedded routines send a standard
/// how-to text (in the language of `texts`) as a flag, as routine links do.
pub fn encode(texts: &Catalog, program: &Program) -> String {
    let version = if carries(program, names_positions) {
        PROGRAM_LINK_VERSION
    } else if carries(program, |routine| uses_second_edition(texts, routine)) {
        VERSION_WITHOUT_POSITIONS
    } else if carries(program, works_a_later_area) {
        VERSION_WITH_LATER_AREAS
    } else {
        1
    };
    let format = routine_format(version);
    let mut body = Vec::new();
    put_text(&mut body, program.language.map_or("", Locale::tag));
    for text in [&program.title, &program.author, &program.note] {
        put_text(&mut body, text);
    }
    body.push(if program.ease_off_rule { EASE_OFF_RULE } else { 0 });
    put_varint(&mut body, program.phases.len() as u64);
    for phase in &program.phases {
        body.push(phase.weeks);
        body.push(
            phase
                .weekdays
                .iter()
                .enumerate()
                .fold(0, |mask, (day, on)| mask | u8::from(*on) << day),
        );
        put_varint(&mut body, u64::from(phase.minute_of_day));
        put_varint(&mut body, phase.routines.len() as u64);
        for routine in &phase.routines {
            match routine {
                ProgramRoutine::BuiltIn { id, revision } => {
                    body.push(BY_REFERENCE);
                    put_text(&mut body, id);
                    put_varint(&mut body, u64::from(*revision));
                }
                ProgramRoutine::Embedded { routine } => {
                    body.push(WHOLE);
                    put_whole(texts, &mut body, routine, format);
                }
            }
        }
    }
    pack(version, &body)
}

/// How program link version `version` writes its whole routines: as the routine link
/// one version later.
fn routine_format(version: u8) -> Format {
    Format::of(version + 1)
}

/// Whether a routine the program carries whole is `such`.
fn carries(program: &Program, such: impl Fn(&Routine) -> bool) -> bool {
    program
        .phases
        .iter()
        .flat_map(|phase| &phase.routines)
        .any(|routine| matches!(routine, ProgramRoutine::Embedded { routine } if such(routine)))
}

/// The full link for `program` on `origin` (e.g. `https://example.org`).
pub fn link(texts: &Catalog, origin: &str, program: &Program) -> String {
    format!("{origin}{PROGRAM_LINK_PATH}#{}", encode(texts, program))
}

/// The program in a payload; any input gives a program or a typed error, quickly and
/// without panicking. Built-ins stay references: the app resolves them in its own
/// language (and says so when it does not know one).
pub fn decode(texts: &Catalog, payload: &str) -> Result<Program, ProgramLinkError> {
    let (version, body) = unpack_up_to(payload, PROGRAM_LINK_VERSION).map_err(ProgramLinkError::Link)?;
    let reader = &mut Reader { bytes: &body };
    let later_areas_allowed = version > 1;
    let program = read_program(texts, reader, routine_format(version))
        .filter(|_| reader.bytes.is_empty())
        .filter(|program| later_areas_allowed || !carries(program, works_a_later_area))
        .ok_or(ProgramLinkError::Link(ShareError::Damaged))?;
    program.validate().map_err(ProgramLinkError::Invalid)?;
    Ok(program)
}

fn read_program(texts: &Catalog, reader: &mut Reader, format: Format) -> Option<Program> {
    let language = read_language(reader)?;
    let title = reader.text()?;
    let author = reader.text()?;
    let note = reader.text()?;
    let flags = reader.byte()?;
    let count = usize::try_from(reader.varint()?).ok()?;
    if count > MAX_PHASES || flags & !EASE_OFF_RULE != 0 {
        return None;
    }
    let phases = (0..count)
        .map(|_| read_phase(texts, reader, format))
        .collect::<Option<Vec<_>>>()?;
    Some(Program {
        title,
        author,
        note,
        language,
        phases,
        ease_off_rule: flags & EASE_OFF_RULE != 0,
    })
}

fn read_phase(texts: &Catalog, reader: &mut Reader, format: Format) -> Option<Phase> {
    let weeks = reader.byte()?;
    let mask = reader.byte()?;
    if mask >> 7 != 0 {
        return None;
    }
    let minute_of_day = u16::try_from(reader.varint()?).ok()?;
    let count = usize::try_from(reader.varint()?).ok()?;
    if count > MAX_ROUTINES_PER_PHASE {
        return None;
    }
    let routines = (0..count)
        .map(|_| match reader.byte()? {
            BY_REFERENCE => Some(ProgramRoutine::BuiltIn {
                id: reader.text()?,
                revision: u32::try_from(reader.varint()?).ok()?,
            }),
            WHOLE => Some(ProgramRoutine::Embedded {
                routine: read_whole(texts, reader, format)?,
            }),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Phase {
        weeks,
        routines,
        weekdays: std::array::from_fn(|day| mask >> day & 1 == 1),
        minute_of_day,
    })
}
