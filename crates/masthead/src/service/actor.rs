//! `Actor`: the logged-in account a service acts for (its id and role), which every service
//! that changes something takes, checks against `domain::permission`, and names in the
//! audit line it hands the store with the change.

use store::{NewAuditEntry, Role, User, UserId};

use crate::domain::permission::{Action, allows};
use crate::service::error::{ServiceError, ServiceResult};

/// The account acting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The account's id.
    pub id: i64,
    /// Its role.
    pub role: Role,
}

impl Actor {
    /// The actor for an account.
    pub fn of(user: &User) -> Actor {
        Actor {
            id: user.id,
            role: user.role,
        }
    }

    /// The account's id as the newsroom's story workflow takes it.
    pub fn user(self) -> UserId {
        UserId(self.id)
    }

    /// Refuses unless the role allows the action.
    pub fn require(self, action: Action) -> ServiceResult<()> {
        self.check(allows(self.role, action))
    }

    /// Refuses unless a permission rule said yes.
    pub fn check(self, allowed: bool) -> ServiceResult<()> {
        if allowed {
            Ok(())
        } else {
            Err(ServiceError::Forbidden)
        }
    }

    /// The audit line of an action on `entity` number `id` (`None`: the row the write
    /// creates), which the store writes in the transaction of the change.
    pub fn audit(
        self,
        action: &str,
        entity: &str,
        id: Option<i64>,
        detail: String,
    ) -> NewAuditEntry {
        NewAuditEntry {
            user_id: Some(self.id),
            action: action.into(),
            entity: entity.into(),
            entity_id: id,
            detail,
        }
    }
}
