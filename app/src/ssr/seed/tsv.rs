use super::SeedError;

/// The rows of a tab-separated seed file as maps from header name to value.
pub(super) struct Rows {
    file: &'static str,
    header: Vec<&'static str>,
    lines: Vec<(usize, Vec<&'static str>)>,
}

pub(super) struct Row<'a> {
    file: &'static str,
    line: usize,
    header: &'a [&'static str],
    cells: &'a [&'static str],
}

impl Rows {
    pub fn parse(file: &'static str, text: &'static str) -> Result<Self, SeedError> {
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        let header: Vec<&str> = lines
            .next()
            .map(|(_, l)| l.split('\t').collect())
            .unwrap_or_default();
        let lines = lines
            .map(|(i, l)| {
                let cells: Vec<&str> = l.split('\t').map(str::trim).collect();
                if cells.len() != header.len() {
                    return Err(SeedError::Data {
                        file,
                        line: i + 1,
                        message: format!("{} columns, expected {}", cells.len(), header.len()),
                    });
                }
                Ok((i + 1, cells))
            })
            .collect::<Result<_, _>>()?;
        Ok(Self {
            file,
            header,
            lines,
        })
    }

    pub fn iter(&self) -> impl Iterator<Item = Row<'_>> {
        self.lines.iter().map(|(line, cells)| Row {
            file: self.file,
            line: *line,
            header: &self.header,
            cells,
        })
    }
}

impl Row<'_> {
    pub fn get(&self, column: &str) -> Result<&'static str, SeedError> {
        self.header
            .iter()
            .position(|h| *h == column)
            .map(|i| self.cells[i])
            .ok_or_else(|| self.error(format!("no column {column}")))
    }

    /// A `;`-separated list cell.
    pub fn list(&self, column: &str) -> Result<Vec<&'static str>, SeedError> {
        Ok(self
            .get(column)?
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect())
    }

    /// Parses a cell, turning the parser's complaint into one that points at the cell.
    pub fn parse<T, E: std::fmt::Display>(
        &self,
        column: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Result<T, SeedError> {
        let value = self.get(column)?;
        parse(value).map_err(|e| self.error(format!("{column} `{value}`: {e}")))
    }

    pub fn error(&self, message: String) -> SeedError {
        SeedError::Data {
            file: self.file,
            line: self.line,
            message,
        }
    }
}
