//! Who may do what in the newsroom: one table of role rules, checked by the services for
//! every action.

use store::{Role, StoryStatus};

/// Something a newsroom account may or may not do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Create stories of their own.
    WriteStory,
    /// Open and edit anyone's story.
    EditAnyStory,
    /// Publish, schedule and unpublish.
    Publish,
    /// Upload images.
    UploadMedia,
    /// Edit and delete anyone's images.
    ManageMedia,
    /// Sections, menus, topics and keywords.
    ManageTaxonomy,
    /// Front pins and the breaking-news bar.
    CurateFronts,
    /// Job listings: add, edit, close and reopen.
    ManageJobs,
    /// Authors and agencies: their profiles, linked accounts and merges.
    ManagePeople,
    /// Accounts and site settings.
    ManageUsers,
    /// Read the audit log.
    ReadAudit,
    /// See the newsletter's lists and their subscriber counts, and look a subscriber up.
    ReadNewsletters,
    /// Export subscribers and erase one on request (personal data).
    ManageSubscribers,
    /// Edit a list, preview and test its issue, send it now or from the breaking bar.
    SendNewsletters,
    /// Read readers' contact messages and mark them handled.
    ReadMessages,
    /// The contact form's desks, and erasing a reader's message on request.
    ManageContact,
}

/// Whether a role may take an action at all.
pub fn allows(role: Role, action: Action) -> bool {
    match action {
        Action::WriteStory => true,
        Action::UploadMedia => role >= Role::Reporter,
        Action::EditAnyStory
        | Action::Publish
        | Action::ManageMedia
        | Action::ManageTaxonomy
        | Action::CurateFronts
        | Action::ManageJobs
        | Action::ManagePeople
        | Action::ReadAudit
        | Action::ReadNewsletters
        | Action::SendNewsletters
        | Action::ReadMessages => role >= Role::Editor,
        Action::ManageUsers | Action::ManageSubscribers | Action::ManageContact => {
            role == Role::Admin
        }
    }
}

/// Whether an account may open a story (see its content and revisions).
pub fn may_view(role: Role, user_id: i64, owner_id: Option<i64>) -> bool {
    allows(role, Action::EditAnyStory) || owner_id == Some(user_id)
}

/// Whether an account may read a story's headline in a newsroom list: published
/// headlines are public; unpublished ones only for those who may open the story.
pub fn may_see_headline(
    role: Role,
    user_id: i64,
    owner_id: Option<i64>,
    status: StoryStatus,
) -> bool {
    status == StoryStatus::Published || may_view(role, user_id, owner_id)
}

/// Whether an account may change a story's content in its current state: editors any
/// story; reporters their own until it is published; contributors their own drafts.
pub fn may_edit(role: Role, user_id: i64, owner_id: Option<i64>, status: StoryStatus) -> bool {
    if allows(role, Action::EditAnyStory) {
        return true;
    }
    let own = owner_id == Some(user_id);
    match role {
        Role::Reporter => own && matches!(status, StoryStatus::Draft | StoryStatus::InReview),
        _ => own && status == StoryStatus::Draft,
    }
}

/// Whether the workflow has a move from one state to another at all: submit a draft,
/// take a story back to draft from review, a schedule or the unpublished shelf, publish or
/// schedule anything not yet published, unpublish a published story. Anything else (a
/// draft straight to unpublished, a published story back to draft) is no move a newsroom
/// makes, whoever asks.
pub fn is_workflow_move(from: StoryStatus, to: StoryStatus) -> bool {
    use StoryStatus::*;
    match to {
        InReview => from == Draft,
        Draft => matches!(from, InReview | Scheduled | Unpublished),
        Published => from != Published,
        Scheduled => !matches!(from, Published | Scheduled),
        Unpublished => from == Published,
    }
}

/// Whether an account may move a story from one state to another: editors make every
/// workflow move, writers submit their own drafts and take them back.
pub fn may_move(
    role: Role,
    user_id: i64,
    owner_id: Option<i64>,
    from: StoryStatus,
    to: StoryStatus,
) -> bool {
    use StoryStatus::*;
    if !is_workflow_move(from, to) {
        return false;
    }
    if allows(role, Action::Publish) {
        return true;
    }
    let own = owner_id == Some(user_id);
    // Writers submit their own drafts and may take them back while they wait.
    own && matches!((from, to), (Draft, InReview) | (InReview, Draft))
}

/// Whether an account may change an image's text and focal point: editors any image,
/// reporters the ones they uploaded.
pub fn may_edit_image(role: Role, user_id: i64, uploaded_by: Option<i64>) -> bool {
    allows(role, Action::ManageMedia)
        || (allows(role, Action::UploadMedia) && uploaded_by == Some(user_id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use StoryStatus::*;

    #[test]
    fn only_editors_and_admins_publish() {
        for role in Role::ALL {
            let expected = role >= Role::Editor;
            assert_eq!(may_move(role, 1, Some(1), InReview, Published), expected);
        }
    }

    #[test]
    fn no_one_makes_a_move_outside_the_workflow() {
        for role in Role::ALL {
            assert!(!may_move(role, 1, Some(1), Draft, Unpublished));
            assert!(!may_move(role, 1, Some(1), Published, Draft));
            assert!(!may_move(role, 1, Some(1), Published, Scheduled));
            assert!(!may_move(role, 1, Some(1), InReview, Unpublished));
        }
        assert!(may_move(Role::Editor, 1, Some(2), Unpublished, Published));
        assert!(may_move(Role::Editor, 1, Some(2), Scheduled, Draft));
    }

    #[test]
    fn contributors_edit_only_their_own_drafts() {
        assert!(may_edit(Role::Contributor, 1, Some(1), Draft));
        assert!(!may_edit(Role::Contributor, 1, Some(1), InReview));
        assert!(!may_edit(Role::Contributor, 1, Some(2), Draft));
        assert!(!may_view(Role::Contributor, 1, Some(2)));
    }

    #[test]
    fn reporters_submit_but_cannot_edit_once_published() {
        assert!(may_move(Role::Reporter, 1, Some(1), Draft, InReview));
        assert!(!may_move(Role::Reporter, 1, Some(1), InReview, Scheduled));
        assert!(!may_edit(Role::Reporter, 1, Some(1), Published));
    }

    #[test]
    fn reporters_see_only_their_own_unpublished_headlines() {
        assert!(may_see_headline(Role::Reporter, 1, Some(1), Draft));
        assert!(!may_see_headline(Role::Reporter, 1, Some(2), InReview));
        assert!(!may_see_headline(Role::Reporter, 1, None, Scheduled));
        assert!(may_see_headline(Role::Reporter, 1, Some(2), Published));
        assert!(may_see_headline(Role::Editor, 1, Some(2), Draft));
    }

    #[test]
    fn only_editors_and_admins_manage_job_listings() {
        for role in Role::ALL {
            assert_eq!(allows(role, Action::ManageJobs), role >= Role::Editor);
        }
    }

    #[test]
    fn only_admins_manage_accounts() {
        assert!(allows(Role::Admin, Action::ManageUsers));
        assert!(!allows(Role::Editor, Action::ManageUsers));
        assert!(!allows(Role::Contributor, Action::UploadMedia));
        assert!(allows(Role::Reporter, Action::UploadMedia));
    }

    #[test]
    fn reporters_edit_only_the_images_they_uploaded() {
        assert!(may_edit_image(Role::Reporter, 1, Some(1)));
        assert!(!may_edit_image(Role::Reporter, 1, Some(2)));
        assert!(!may_edit_image(Role::Reporter, 1, None));
        assert!(!may_edit_image(Role::Contributor, 1, Some(1)));
        assert!(may_edit_image(Role::Editor, 1, None));
    }
}
