//! The command line: `masthead demo | serve | migrate`, each with `--help`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use store::SiteReads;

use crate::app::{App, open_media, open_store};
use crate::config::Config;

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
    Demo(ServeArgs),
    /// Serves the newsroom in the data folder.
    Serve(ServeArgs),
    /// Brings the database in the data folder to the latest schema, then exits.
    Migrate(DataArgs),
}

#[derive(Debug, Args)]
struct DataArgs {
    /// Folder holding the database and media [default: ./masthead-data].
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// Configuration file [default: DIR/masthead.toml, if present].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
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

impl DataArgs {
    fn config(&self) -> anyhow::Result<Config> {
        Config::load(self.config.as_deref(), self.data.as_deref())
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
    // A second initialisation (tests start several apps) is harmless.
    let _ = tracing_subscriber::fmt().with_max_level(level).try_init();
}

/// Runs a parsed command line.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Demo(args) => {
            let config = args.config()?;
            init_logging(&config);
            let started = Instant::now();
            let store = open_store(&config).await?;
            if store.is_empty().await.context("checking the database")? {
                println!(
                    "Creating the demo newsroom in {} ...",
                    config.data_dir.display()
                );
                let summary = crate::demo::create(&store, &open_media(&config)).await?;
                println!("{summary} in {:.1} s", started.elapsed().as_secs_f64());
            }
            serve(config).await
        }
        Command::Serve(args) => {
            let config = args.config()?;
            init_logging(&config);
            serve(config).await
        }
        Command::Migrate(args) => {
            let config = args.config()?;
            init_logging(&config);
            open_store(&config).await?;
            println!("Database in {} is up to date.", config.data_dir.display());
            Ok(())
        }
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let app = App::build(config).await?;
    println!("Masthead is serving at http://{}/", app.local_addr()?);
    app.run_until_stopped().await
}
