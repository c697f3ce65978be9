//! The `reseau` command; everything is in the library part ([`reseau_cli::run`]), which the
//! Python package's console entry point calls too.

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(reseau_cli::run(std::env::args_os()))
}
