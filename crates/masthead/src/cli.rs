//! The command line: `masthead demo | serve | migrate | user | copy`, each with `--help`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use store::{NewAuditEntry, Role, Store};

use crate::app::{App, Database, open_media, open_store};
use crate::archive::ImportSink;
use crate::config::{Config, LogFormat, without_password};
use crate::service::account::create_user;
use crate::service::demo_accounts::DemoAccountMaker;
use crate::service::search::SearchService;

/// Masthead: the newsroom and the news site in one binary.
#[derive(Debug, Parser)]
#[command(name = "masthead", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Creates the demo newsroom in the data folder if it is not there, then serves it.
    Demo(DemoArgs),
    /// Serves the newsroom in the data folder.
    Serve(ServeArgs),
    /// Brings the database in the data folder to the latest schema, then exits.
    Migrate(DataArgs),
    /// Rebuilds the search index from every story, with a progress bar. It may run while
    /// the site serves: searches go on meanwhile, and stories changed during the rebuild
    /// are indexed as they change.
    Reindex(DataArgs),
    /// Manages newsroom accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Copies a whole newsroom's database into a new, empty one: between SQLite (a data
    /// folder) and PostgreSQL (a postgres:// URL), either way. Stop the app first. Media
    /// files stay where they are.
    Copy {
        /// The newsroom to copy: a data folder or a postgres:// URL.
        #[arg(long, value_name = "DIR_OR_URL")]
        from: String,
        /// Where to copy it: a new data folder or an empty PostgreSQL database.
        #[arg(long, value_name = "DIR_OR_URL")]
        to: String,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Creates an account. The password is read from stdin with --password-stdin;
    /// otherwise a one-time password is printed, to be changed at first login.
    Add {
        #[command(flatten)]
        data: DataArgs,
        /// Login email.
        #[arg(long)]
        email: String,
        /// Display name.
        #[arg(long)]
        name: String,
        /// admin, editor, reporter or contributor.
        #[arg(long)]
        role: String,
        /// Read the password from the first line of stdin.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Lists accounts.
    List(DataArgs),
    /// Changes an account's role.
    SetRole {
        #[command(flatten)]
        data: DataArgs,
        /// Login email.
        #[arg(long)]
        email: String,
        /// admin, editor, reporter or contributor.
        #[arg(long)]
        role: String,
    },
    /// Disables an account and ends its sessions (--enable to undo).
    Disable {
        #[command(flatten)]
        data: DataArgs,
        /// Login email.
        #[arg(long)]
        email: String,
        /// Enable the account again instead.
        #[arg(long)]
        enable: bool,
    },
}

#[derive(Debug, Args)]
struct DataArgs {
    /// Folder holding the database and media [default: ./masthead-data].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Configuration file [default: DIR/masthead.toml, if present].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// PostgreSQL database to use instead of the SQLite file in the data folder
    /// [env: MASTHEAD_DATABASE_URL].
    #[arg(long, value_name = "postgres://…")]
    database_url: Option<String>,
}

#[derive(Debug, Args)]
struct ServeArgs {
    #[command(flatten)]
    data: DataArgs,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, value_name = "HOST:PORT")]
    addr: Option<SocketAddr>,
    /// Folder of templates/ and assets/ that override the built-in theme file by file.
    #[arg(long, value_name = "DIR")]
    theme: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct DemoArgs {
    #[command(flatten)]
    serve: ServeArgs,
    /// Also generate an archive of this many stories over fifteen years, on top of the
    /// demo's own (only when the demo is created).
    #[arg(long, value_name = "N")]
    stories: Option<usize>,
}

impl DataArgs {
    fn config(&self) -> anyhow::Result<Config> {
        let mut config = Config::load(self.config.as_deref(), self.data.as_deref())?;
        if let Some(url) = &self.database_url {
            config.database_url = Some(url.clone());
            config.validate()?;
        }
        Ok(config)
    }
}

impl ServeArgs {
    fn config(&self) -> anyhow::Result<Config> {
        let mut config = self.data.config()?;
        if let Some(addr) = self.addr {
            config.addr = addr;
        }
        if let Some(theme) = &self.theme {
            config.theme_dir = Some(theme.clone());
        }
        Ok(config)
    }
}

fn init_logging(config: &Config) {
    let level = config
        .log_level
        .parse::<tracing::Level>()
        .unwrap_or(tracing::Level::INFO);
    // Logs go to stderr: stdout carries the command's own output ("serving at ...").
    let logs = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_writer(std::io::stderr)
        // Colours only for a person at a terminal, not in files and collectors.
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    // A second initialisation (tests start several apps) is harmless.
    let _ = match config.log_format {
        LogFormat::Text => logs.try_init(),
        LogFormat::Json => logs.json().flatten_event(true).try_init(),
    };
}

/// Runs a parsed command line.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Demo(args) => {
            let config = args.serve.config()?;
            init_logging(&config);
            let store = open_store(&config).await?;
            if store.is_empty().await.context("checking the database")? {
                create_demo(&config, &store, args.stories).await?;
            } else if args.stories.is_some() {
                println!("The newsroom exists already: --stories only fills a new one.");
            }
            serve(config).await
        }
        Command::Serve(args) => {
            let config = args.config()?;
            init_logging(&config);
            serve(config).await
        }
        Command::User(command) => run_user(command).await,
        Command::Copy { from, to } => run_copy(&from, &to).await,
        Command::Migrate(args) => {
            let config = args.config()?;
            init_logging(&config);
            open_store(&config).await?.close().await;
            println!("Database {} is up to date.", config.database_label());
            Ok(())
        }
        Command::Reindex(args) => {
            let config = args.config()?;
            init_logging(&config);
            reindex(&config).await
        }
    }
}

async fn create_demo(
    config: &Config,
    store: &Database,
    archive: Option<usize>,
) -> anyhow::Result<()> {
    println!(
        "Creating the demo newsroom in {} ...",
        config.database_label()
    );
    let started = Instant::now();
    let media = open_media(config).await?;
    let mut sink = ImportSink::new(store);
    let mut bar = crate::copy::progress_bar();
    let mut progress = |done, total| bar(done, total, "archive stories");
    let archive = archive.map(|stories| demo::Archive {
        stories,
        sink: &mut sink,
        progress: &mut progress,
    });
    let size = demo::DemoSize::FULL;
    let demo =
        demo::create_with_archive(&**store, media.as_ref(), &DemoAccountMaker, size, archive)
            .await?;
    println!(
        "{} in {:.1} s",
        demo.summary,
        started.elapsed().as_secs_f64()
    );
    println!("{}", demo.accounts);
    Ok(())
}

async fn reindex(config: &Config) -> anyhow::Result<()> {
    let store = open_store(config).await?;
    let started = Instant::now();
    let mut bar = crate::copy::progress_bar();
    let mut progress = |done, total| bar(done, total, "stories indexed");
    let stories = SearchService::new()
        .rebuild(&*store, &mut progress)
        .await
        .context("rebuilding the search index")?;
    store.close().await;
    println!(
        "Indexed {stories} stories in {:.1} s.",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn run_copy(from: &str, to: &str) -> anyhow::Result<()> {
    anyhow::ensure!(from != to, "--from and --to are the same database");
    let started = Instant::now();
    let source = Database::open(from).await?;
    let target = Database::open(to).await?;
    let copied = crate::copy::copy(&source, &target, &mut crate::copy::progress_bar()).await;
    source.close().await;
    target.close().await;
    let copied = copied?;
    for (table, digest) in &copied.tables {
        println!(
            "{table:<24} {:>9} rows  checksum {:032x}",
            digest.rows, digest.sum
        );
    }
    println!(
        "Copied {} rows in {} tables from {} to {} in {:.1} s; every table's count and checksum match.",
        copied.rows(),
        copied.tables.len(),
        without_password(from),
        without_password(to),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let app = App::build(config).await?;
    println!("Masthead is serving at http://{}/", app.local_addr()?);
    app.run_until_stopped().await
}

/// The audit line of an account change made on the command line, by nobody logged in.
fn command_line(action: &str, id: Option<i64>, detail: &str) -> NewAuditEntry {
    NewAuditEntry {
        user_id: None,
        action: action.into(),
        entity: "user".into(),
        entity_id: id,
        detail: format!("{detail} (command line)").trim_start().into(),
    }
}

fn parse_role(role: &str) -> anyhow::Result<Role> {
    Role::parse(role).with_context(|| {
        format!("{role:?} is not a role: use admin, editor, reporter or contributor")
    })
}

async fn user_by_email(store: &dyn Store, email: &str) -> anyhow::Result<store::User> {
    let email = email.trim().to_lowercase();
    Ok(store
        .user_credentials(&email)
        .await?
        .with_context(|| format!("no account has the email {email}"))?
        .0)
}

async fn run_user(command: UserCommand) -> anyhow::Result<()> {
    let data = match &command {
        UserCommand::Add { data, .. }
        | UserCommand::List(data)
        | UserCommand::SetRole { data, .. }
        | UserCommand::Disable { data, .. } => data,
    };
    let store = open_store(&data.config()?).await?;
    match command {
        UserCommand::Add {
            email,
            name,
            role,
            password_stdin,
            ..
        } => {
            let role = parse_role(&role)?;
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin()
                    .read_line(&mut line)
                    .context("reading the password")?;
                Some(line.trim_end_matches(['\r', '\n']).to_string())
            } else {
                None
            };
            let audit = command_line("user.create", None, role.as_str());
            let password = password.as_deref();
            let created =
                create_user(&*store, &email, &name, role, password, None, Some(&audit)).await?;
            println!(
                "Created account {} ({}) as {}.",
                email.trim().to_lowercase(),
                name.trim(),
                role.as_str()
            );
            if let Some(password) = created.one_time_password {
                println!("One-time password: {password}");
                println!("It must be changed at the first login.");
            }
        }
        UserCommand::List(_) => {
            for user in store.users().await? {
                let state = if user.disabled { "disabled" } else { "active" };
                println!(
                    "{:<12} {:<9} {:<32} {}",
                    user.role.as_str(),
                    state,
                    user.email,
                    user.name
                );
            }
        }
        UserCommand::SetRole { email, role, .. } => {
            let role = parse_role(&role)?;
            let user = user_by_email(&*store, &email).await?;
            let audit = command_line("user.role", Some(user.id), role.as_str());
            store.set_user_role(user.id, role, &audit).await?;
            println!("{} is now {}.", user.email, role.as_str());
        }
        UserCommand::Disable { email, enable, .. } => {
            let user = user_by_email(&*store, &email).await?;
            let action = if enable {
                "user.enable"
            } else {
                "user.disable"
            };
            let audit = command_line(action, Some(user.id), "");
            store.set_user_disabled(user.id, !enable, &audit).await?;
            let state = if enable {
                "enabled"
            } else {
                "disabled; its sessions ended"
            };
            println!("{} is {state}.", user.email);
        }
    }
    store.close().await;
    Ok(())
}
