//! Meeting types as the slot engine reads them and administrators change them: length,
//! buffer, notice, horizon and the ways of meeting each is offered in.

use super::{
    audit_in, on_pool, people::stale_or_gone, AuditEntry, MeetingTypeRow, Store, StoreError,
    WritePool,
};
use crate::domain::{admin::meeting_type::MeetingTypeDraft, Channel};
use chrono::{DateTime, Utc};

#[derive(sqlx::FromRow)]
struct ChannelRow {
    code: String,
    channel: String,
}

impl Store {
    /// Every meeting type, in the order they were made (the first meeting first).
    pub async fn list_meeting_types(&self) -> Result<Vec<MeetingTypeRow>, StoreError> {
        let (rows, channels): (Vec<MeetingTypeRow>, Vec<ChannelRow>) = on_pool!(self, p => (
            sqlx::query_as(
                "SELECT code, name_sv, name_en, minutes, buffer_minutes, notice_minutes, \
                 horizon_days, version FROM meeting_types ORDER BY id",
            )
            .fetch_all(p)
            .await?,
            sqlx::query_as(
                "SELECT m.code, c.channel FROM meeting_type_channels c \
                 JOIN meeting_types m ON m.id = c.meeting_type_id ORDER BY c.channel",
            )
            .fetch_all(p)
            .await?,
        ));
        Ok(rows
            .into_iter()
            .map(|mut row| {
                let mut offered: Vec<Channel> = channels
                    .iter()
                    .filter(|c| c.code == row.code)
                    .filter_map(|c| c.channel.parse().ok())
                    .collect();
                offered.sort();
                row.channels = offered;
                row
            })
            .collect())
    }

    /// Changes meeting type `code` to `m`, if it is still at the version `m` was drawn from
    /// (`Rule::EditedMeanwhile` otherwise).
    pub async fn update_meeting_type(
        &self,
        code: &str,
        m: &MeetingTypeDraft,
        audit: &AuditEntry,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_pool!(self, p => {
            let mut tx = p.begin_write().await?;
            let id: Option<i64> = sqlx::query_scalar(
                "UPDATE meeting_types SET minutes = $3, buffer_minutes = $4, notice_minutes = $5, \
                 horizon_days = $6, version = version + 1 WHERE code = $1 AND version = $2 \
                 RETURNING id",
            )
            .bind(code)
            .bind(m.version.get())
            .bind(m.minutes)
            .bind(m.buffer_minutes)
            .bind(m.notice_minutes)
            .bind(m.horizon_days)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(id) = id else {
                let known: Option<i64> = sqlx::query_scalar("SELECT id FROM meeting_types WHERE code = $1")
                    .bind(code)
                    .fetch_optional(&mut *tx)
                    .await?;
                return Err(match known {
                    Some(id) => stale_or_gone!(tx, "meeting_types", id),
                    None => StoreError::NotFound,
                });
            };
            sqlx::query("DELETE FROM meeting_type_channels WHERE meeting_type_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            for ch in &m.channels {
                sqlx::query("INSERT INTO meeting_type_channels (meeting_type_id, channel) VALUES ($1, $2)")
                    .bind(id)
                    .bind(ch.as_str())
                    .execute(&mut *tx)
                    .await?;
            }
            audit_in!(tx, audit, now);
            tx.commit().await?;
            Ok(())
        })
    }
}
