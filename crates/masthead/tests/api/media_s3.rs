//! The S3 media store against a real S3 API (moto): uploads through the newsroom land in
//! the bucket and are served from it; the store alone keeps, replaces and deletes files; a
//! missing bucket, an unreachable endpoint and wrong credentials are named.

#[cfg(not(feature = "s3"))]
#[test]
fn s3_tests_need_the_s3_feature_when_required() {
    assert!(
        std::env::var("MASTHEAD_REQUIRE_S3").as_deref() != Ok("1"),
        "MASTHEAD_REQUIRE_S3=1 but the S3 tests are not built: add --features masthead/s3"
    );
    eprintln!("SKIPPED: the S3 media store tests need --features masthead/s3");
}

#[cfg(feature = "s3")]
mod with_s3 {
    use image::ImageFormat;
    use masthead::config::Secret;
    use masthead::media::open;
    use store::Role;

    use crate::helpers::spawn_app_with;
    use crate::media_crops::move_focal_point;
    use crate::media_files::{encoded, fetch, uploaded};
    use crate::moto::Moto;

    #[tokio::test]
    async fn an_image_uploaded_in_the_newsroom_is_stored_in_the_bucket_and_served_from_it() {
        let Some(moto) = Moto::start().await else {
            return;
        };
        moto.create_bucket("newsroom-media").await;
        let media = moto.media_config("newsroom-media", "site/");
        let app = spawn_app_with(|config| config.media = media.clone()).await;
        let reporter = app.desk(Role::Reporter).await;

        let id = uploaded(
            &reporter,
            "harbour.jpg",
            encoded(ImageFormat::Jpeg, 1000, 600),
            &[],
        )
        .await;

        let page = reporter.get(&format!("/admin/media/{id}")).await;
        let original = page.attrs(".media-original", "href").remove(0);
        let renditions = page.attrs(".media-renditions a", "href");
        assert_eq!(
            renditions.len(),
            6,
            "3 widths in JPEG and WebP: {renditions:?}"
        );
        let keys = moto.keys("newsroom-media").await;
        for url in renditions.iter().chain([&original]) {
            let key = url.strip_prefix("/media/").expect("a media URL");
            assert!(keys.contains(&format!("site/{key}")), "{key} in {keys:?}");
        }
        let crops = page.attrs(".media-crops a", "href");
        assert_eq!(crops.len(), 3, "16:9, 4:3 and 1:1: {crops:?}");
        let dir = tempfile::tempdir().expect("temp dir");
        let bucket = open(&media, dir.path()).await.expect("open the bucket");
        for url in renditions.iter().chain(&crops) {
            let key = url.strip_prefix("/media/").expect("a media URL");
            let (status, _, served) = fetch(&app, url).await;
            assert_eq!(status, 200, "{url}");
            assert_eq!(
                Some(served),
                bucket.get(key).await.expect("read the bucket")
            );
        }
        let folder = original
            .trim_start_matches("/media/")
            .split('/')
            .next()
            .expect("folder");
        assert!(
            !app.data_dir().join("media").join(folder).exists(),
            "nothing is written to the local folder"
        );
    }

    #[tokio::test]
    async fn moving_the_focal_point_adds_new_crops_to_the_bucket_and_keeps_the_old_a_day() {
        let Some(moto) = Moto::start().await else {
            return;
        };
        moto.create_bucket("crops").await;
        let media = moto.media_config("crops", "");
        let app = spawn_app_with(|config| config.media = media.clone()).await;
        let editor = app.desk(Role::Editor).await;
        let picture = encoded(ImageFormat::Jpeg, 1600, 900);
        let id = uploaded(&editor, "harbour.jpg", picture, &[]).await;
        let key = |url: &String| url.trim_start_matches("/media/").to_string();
        let before: Vec<String> = editor
            .get(&format!("/admin/media/{id}"))
            .await
            .attrs(".media-crops a", "href")
            .iter()
            .map(key)
            .collect();

        let after = move_focal_point(&editor, id, ("0", "1")).await;

        let keys = moto.keys("crops").await;
        for url in &after {
            assert!(keys.contains(&key(url)), "{url} in {keys:?}");
            assert_eq!(fetch(&app, url).await.0, 200, "{url}");
        }
        for old in &before {
            assert!(
                keys.contains(old),
                "{old} kept for social caches in {keys:?}"
            );
        }
    }

    #[tokio::test]
    async fn the_s3_store_keeps_replaces_and_deletes_files_with_signed_requests() {
        let Some((_moto, config)) = Moto::start_checking("media").await else {
            return;
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let media = open(&config, dir.path()).await.expect("open the S3 store");

        media
            .put("7/320.jpg", b"first".to_vec())
            .await
            .expect("put");
        media
            .put("7/320.jpg", b"second".to_vec())
            .await
            .expect("replace");
        media.put("7/640.jpg", b"wide".to_vec()).await.expect("put");

        assert_eq!(
            media.get("7/320.jpg").await.expect("get"),
            Some(b"second".to_vec())
        );
        assert_eq!(
            media.get("7/999.jpg").await.expect("get"),
            None,
            "missing key"
        );
        media.delete("7/320.jpg").await.expect("delete");
        media
            .delete("7/320.jpg")
            .await
            .expect("deleting a missing key is fine");
        assert_eq!(media.get("7/320.jpg").await.expect("get"), None);
        assert_eq!(
            media.get("7/640.jpg").await.expect("get"),
            Some(b"wide".to_vec())
        );
        let invalid = media
            .put("../escape.jpg", b"x".to_vec())
            .await
            .expect_err("invalid key");
        assert!(
            invalid.to_string().contains("invalid media key"),
            "{invalid}"
        );
        assert_eq!(media.get("../escape.jpg").await.expect("get"), None);
    }

    #[tokio::test]
    async fn a_missing_bucket_an_unreachable_endpoint_and_wrong_credentials_are_named() {
        let Some(moto) = Moto::start().await else {
            return;
        };
        let Some((_checking, good)) = Moto::start_checking("media").await else {
            return;
        };
        let dir = tempfile::tempdir().expect("temp dir");
        let nobody = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port");
        let mut unreachable = moto.media_config("media", "");
        unreachable.endpoint = Some(format!("http://{nobody}"));
        let mut unknown_key = good.clone();
        unknown_key.access_key_id = Some("AKIAUNKNOWN0000000000".to_string());
        let mut wrong_secret = good.clone();
        wrong_secret.secret_access_key = Some(Secret::new("not-the-secret"));
        let cases = [
            (
                moto.media_config("no-such-bucket", ""),
                "does not exist",
                "missing bucket",
            ),
            (
                unreachable,
                "cannot reach the S3 endpoint",
                "nothing listening",
            ),
            (unknown_key, "check media.access_key_id", "unknown key"),
            (wrong_secret, "check media.access_key_id", "wrong secret"),
        ];

        for (config, named, reason) in cases {
            let error = match open(&config, dir.path()).await {
                Ok(_) => panic!("{reason}: opened"),
                Err(error) => format!("{error:#}"),
            };

            assert!(error.contains(named), "{reason}: {error}");
        }
        open(&good, dir.path())
            .await
            .expect("the right credentials");
    }
}
