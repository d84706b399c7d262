//! The contact form's rules: what a reader's message and a desk must be. Pure checks, no
//! I/O.

use crate::domain::refusal::{Named, Refusal};
use store::{Desk, DeskFields};

use crate::domain::email_address::parse_email;
use crate::domain::text::{clean_line, one_line};

/// The longest name a reader may give, in characters.
pub const MAX_NAME: usize = 200;
/// The longest message, in characters.
pub const MAX_MESSAGE: usize = 10_000;

/// What the contact form sent, as typed.
#[derive(Clone, Debug, Default)]
pub struct MessageInput {
    /// The sender's name.
    pub name: String,
    /// Their address.
    pub email: String,
    /// The desk's id, as sent.
    pub desk: String,
    /// What they wrote.
    pub message: String,
}

/// A message that passed the checks.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CheckedMessage {
    /// One line.
    pub name: String,
    /// Lower-cased.
    pub email: String,
    /// Line breaks kept (as `\n`), other control characters gone, ends trimmed.
    pub message: String,
}

/// Checks a message against the edition's desks: the message and its desk, or the fields
/// at fault (`name`, `email`, `desk`, `message`).
pub fn check_message<'a>(
    input: &MessageInput,
    desks: &'a [Desk],
) -> Result<(CheckedMessage, &'a Desk), Vec<&'static str>> {
    let mut problems = Vec::new();
    let name = one_line(&input.name, Named::Name, MAX_NAME, false);
    if name.is_err() {
        problems.push("name");
    }
    let email = parse_email(&input.email);
    if email.is_err() {
        problems.push("email");
    }
    let desk = input
        .desk
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|id| desks.iter().find(|desk| desk.id == id));
    if desk.is_none() {
        problems.push("desk");
    }
    // Far too long is refused before it is copied around.
    let message = (input.message.len() <= MAX_MESSAGE * 8)
        .then(|| clean_text(&input.message))
        .filter(|text| !text.is_empty() && text.chars().count() <= MAX_MESSAGE);
    if message.is_none() {
        problems.push("message");
    }
    match (name, email, desk, message) {
        (Ok(name), Ok(email), Some(desk), Some(message)) if problems.is_empty() => Ok((
            CheckedMessage {
                name,
                email,
                message,
            },
            desk,
        )),
        _ => Err(problems),
    }
}

/// Text of several lines: `\r\n` and `\r` become `\n`, each line is cleaned as a line
/// (control and bidi-override characters go), and blank lines at the ends are trimmed.
fn clean_text(value: &str) -> String {
    value
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .map(clean_line)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// What an admin typed for a desk.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct DeskInput {
    /// Its name.
    pub name: String,
    /// Its address.
    pub email: String,
    /// Its place, as typed.
    pub position: String,
}

/// Checks a desk: its fields, or what is wrong.
pub fn check_desk(input: &DeskInput) -> Result<DeskFields, Refusal> {
    let name = one_line(&input.name, Named::DeskName, 100, false)?;
    let email = parse_email(&input.email).map_err(|_| Refusal::DeskEmail)?;
    let position = match input.position.trim() {
        "" => 0,
        typed => typed
            .parse::<i64>()
            .ok()
            .filter(|position| (0..=1000).contains(position))
            .ok_or(Refusal::DeskPosition)?,
    };
    Ok(DeskFields {
        name,
        email,
        position,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn desks() -> Vec<Desk> {
        vec![Desk {
            id: 7,
            edition_id: 1,
            name: "News desk".into(),
            email: "news@example.org".into(),
            position: 1,
        }]
    }

    #[test]
    fn a_message_keeps_its_lines_and_loses_control_characters() {
        let input = MessageInput {
            name: " Ada\u{202E} Lovelace\r\nBcc: x@example.org ".into(),
            email: " Ada@Example.ORG ".into(),
            desk: "7".into(),
            message: "\r\n Hello,\r\n\r\nthe\u{0} date is wrong.\t \n".into(),
        };
        let desks = desks();
        let (message, desk) = check_message(&input, &desks).expect("valid");
        assert_eq!(message.name, "Ada Lovelace Bcc: x@example.org");
        assert_eq!(message.email, "ada@example.org");
        assert_eq!(message.message, "Hello,\n\nthe date is wrong.");
        assert_eq!(desk.id, 7);
    }

    #[test]
    fn every_field_at_fault_is_named() {
        let desks = desks();
        let empty = check_message(&MessageInput::default(), &desks);
        assert_eq!(empty, Err(vec!["name", "email", "desk", "message"]));
        let huge = MessageInput {
            name: "a".repeat(MAX_NAME + 1),
            email: "a@example.org".into(),
            desk: "8".into(),
            message: "x".repeat(MAX_MESSAGE + 1),
        };
        assert_eq!(
            check_message(&huge, &desks),
            Err(vec!["name", "desk", "message"])
        );
    }

    #[test]
    fn a_desk_needs_a_name_and_an_address() {
        let input = DeskInput {
            name: " Corrections ".into(),
            email: "Fix@Example.org".into(),
            position: "".into(),
        };
        let fields = check_desk(&input).expect("valid");
        assert_eq!(
            (fields.name.as_str(), fields.email.as_str(), fields.position),
            ("Corrections", "fix@example.org", 0)
        );
        let bad = DeskInput {
            email: "nobody".into(),
            ..input.clone()
        };
        assert!(check_desk(&bad).is_err());
        let far = DeskInput {
            position: "-1".into(),
            ..input
        };
        assert!(check_desk(&far).is_err());
    }
}
