//! The `masthead` command: demo, serve, migrate.

use clap::Parser;

fn main() -> anyhow::Result<()> {
    let cli = masthead::cli::Cli::parse();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(masthead::cli::run(cli))
}
