//! A small XML reader for the feed tests, written from the XML 1.0 and Namespaces in XML
//! specifications for what feeds use: a prolog, elements with namespaced names and
//! attributes, text with the five predefined entities and character references, comments
//! and CDATA. Anything ill-formed (a tag closed by another, a bare `&` or `<`, text after
//! the root) is an error naming where it is.

use std::collections::HashMap;

/// The XML namespace, bound to `xml:` without a declaration.
const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

/// An element with its namespace resolved.
#[derive(Debug)]
pub struct Element {
    /// Namespace URI ("" for none).
    pub namespace: String,
    /// Local name.
    pub name: String,
    /// Attributes by `{namespace}local` (just `local` without a namespace).
    pub attributes: HashMap<String, String>,
    /// Child elements, in order.
    pub children: Vec<Element>,
    /// The text directly inside it, entities decoded.
    pub text: String,
}

impl Element {
    /// Children with this namespace and local name.
    pub fn all<'a>(
        &'a self,
        namespace: &'a str,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> {
        self.children
            .iter()
            .filter(move |child| child.namespace == namespace && child.name == name)
    }

    /// An attribute without a namespace.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).map(String::as_str)
    }
}

/// Parses a whole document into its root element.
pub fn parse(document: &str) -> Result<Element, String> {
    let mut reader = Reader {
        text: document,
        at: 0,
    };
    reader.skip_misc()?;
    let root = reader.element(&[vec![("xml".to_string(), XML_NAMESPACE.to_string())]])?;
    reader.skip_misc()?;
    if reader.at != document.len() {
        return Err(reader.error("content after the root element"));
    }
    Ok(root)
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

type Scopes = [Vec<(String, String)>];

impl Reader<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn error(&self, what: &str) -> String {
        let line = self.text[..self.at].matches('\n').count() + 1;
        format!(
            "{what} at line {line}: {:?}",
            self.rest().chars().take(40).collect::<String>()
        )
    }

    fn eat(&mut self, literal: &str) -> bool {
        let found = self.rest().starts_with(literal);
        if found {
            self.at += literal.len();
        }
        found
    }

    fn skip_space(&mut self) {
        let trimmed = self.rest().trim_start_matches([' ', '\t', '\r', '\n']);
        self.at = self.text.len() - trimmed.len();
    }

    fn until(&mut self, end: &str) -> Result<&str, String> {
        let Some(length) = self.rest().find(end) else {
            return Err(self.error(&format!("no closing {end}")));
        };
        let found = &self.text[self.at..self.at + length];
        self.at += length + end.len();
        Ok(found)
    }

    /// Whitespace, comments and processing instructions (the XML declaration among them).
    fn skip_misc(&mut self) -> Result<(), String> {
        loop {
            self.skip_space();
            if self.eat("<?") {
                self.until("?>")?;
            } else if self.eat("<!--") {
                self.until("-->")?;
            } else {
                return Ok(());
            }
        }
    }

    fn name(&mut self) -> Result<String, String> {
        let length = self
            .rest()
            .find(|c: char| c.is_whitespace() || matches!(c, '>' | '/' | '=' | '<'))
            .unwrap_or(self.rest().len());
        if length == 0 {
            return Err(self.error("a name expected"));
        }
        let name = self.rest()[..length].to_string();
        self.at += length;
        Ok(name)
    }

    fn element(&mut self, scopes: &Scopes) -> Result<Element, String> {
        if !self.eat("<") {
            return Err(self.error("an element expected"));
        }
        let qualified = self.name()?;
        let mut raw = Vec::new();
        loop {
            self.skip_space();
            if self.eat("/>") || self.eat(">") {
                break;
            }
            let name = self.name()?;
            self.skip_space();
            if !self.eat("=") {
                return Err(self.error("= expected"));
            }
            self.skip_space();
            let quote = if self.eat("\"") {
                "\""
            } else if self.eat("'") {
                "'"
            } else {
                return Err(self.error("a quoted value expected"));
            };
            let value = self.until(quote)?.to_string();
            if value.contains('<') {
                return Err(self.error("< in an attribute value"));
            }
            if raw.iter().any(|(seen, _)| *seen == name) {
                return Err(self.error("an attribute given twice"));
            }
            raw.push((name, decode(&value).map_err(|e| self.error(&e))?));
        }
        let empty = self.text[..self.at].ends_with("/>");
        let mut scope = Vec::new();
        for (name, value) in &raw {
            if name == "xmlns" {
                scope.push((String::new(), value.clone()));
            } else if let Some(prefix) = name.strip_prefix("xmlns:") {
                scope.push((prefix.to_string(), value.clone()));
            }
        }
        let mut scopes = scopes.to_vec();
        scopes.push(scope);
        let resolve = |qualified: &str, is_attribute: bool| -> Result<(String, String), String> {
            let (prefix, local) = qualified.split_once(':').unwrap_or(("", qualified));
            if prefix.is_empty() && is_attribute {
                return Ok((String::new(), local.to_string()));
            }
            let namespace = scopes
                .iter()
                .rev()
                .flat_map(|scope| scope.iter())
                .find(|(bound, _)| bound == prefix)
                .map(|(_, uri)| uri.clone());
            match namespace {
                Some(uri) => Ok((uri, local.to_string())),
                None if prefix.is_empty() => Ok((String::new(), local.to_string())),
                None => Err(format!("prefix {prefix} is not declared")),
            }
        };
        let (namespace, name) = resolve(&qualified, false).map_err(|e| self.error(&e))?;
        let mut attributes = HashMap::new();
        for (raw_name, value) in raw {
            if raw_name == "xmlns" || raw_name.starts_with("xmlns:") {
                continue;
            }
            let (uri, local) = resolve(&raw_name, true).map_err(|e| self.error(&e))?;
            let key = if uri.is_empty() {
                local
            } else {
                format!("{{{uri}}}{local}")
            };
            attributes.insert(key, value);
        }
        let mut element = Element {
            namespace,
            name,
            attributes,
            children: Vec::new(),
            text: String::new(),
        };
        if empty {
            return Ok(element);
        }
        loop {
            if self.eat("</") {
                let closing = self.name()?;
                self.skip_space();
                if closing != qualified || !self.eat(">") {
                    return Err(self.error(&format!("</{qualified}> expected")));
                }
                return Ok(element);
            } else if self.eat("<!--") {
                self.until("-->")?;
            } else if self.eat("<![CDATA[") {
                let data = self.until("]]>")?.to_string();
                element.text.push_str(&data);
            } else if self.rest().starts_with('<') {
                element.children.push(self.element(&scopes)?);
            } else if self.rest().is_empty() {
                return Err(self.error(&format!("<{qualified}> is never closed")));
            } else {
                let length = self.rest().find('<').unwrap_or(self.rest().len());
                let raw = &self.text[self.at..self.at + length];
                let text = decode(raw).map_err(|e| self.error(&e))?;
                self.at += length;
                element.text.push_str(&text);
            }
        }
    }
}

/// Decodes the predefined entities and character references; a bare `&` is an error.
fn decode(raw: &str) -> Result<String, String> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..]
            .find(';')
            .ok_or_else(|| format!("a bare & in {raw:?}"))?;
        let entity = &rest[at + 1..at + end];
        let decoded = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let number = if let Some(hex) = entity.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else {
                    entity
                        .strip_prefix('#')
                        .and_then(|decimal| decimal.parse().ok())
                };
                number
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("an unknown entity &{entity};"))?
            }
        };
        out.push(decoded);
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_namespaces_entities_and_refuses_what_is_ill_formed() {
        let root = parse(
            "<?xml version=\"1.0\"?>\n<a xmlns=\"urn:a\" xmlns:m=\"urn:m\"><m:b x=\"1 &amp; 2\"/>t&lt;&#39;</a>",
        )
        .expect("well-formed");

        assert_eq!(
            (root.namespace.as_str(), root.name.as_str()),
            ("urn:a", "a")
        );
        let b = root.all("urn:m", "b").next().expect("m:b");
        assert_eq!(b.attr("x"), Some("1 & 2"));
        assert_eq!(root.text, "t<'");
        for bad in [
            "<a><b></a></b>",
            "<a>&</a>",
            "<a>x",
            "<a/><b/>",
            "<a x='1' x='2'/>",
            "<p:a/>",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
