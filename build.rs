//! Build script: for Windows targets only, embeds `assets/stelling.ico` and the version details
//! as a resource in `stelling.exe`, so Explorer, the taskbar and "Properties" show Stelling's
//! icon and name. Needs `windres` (MinGW's, or `rc.exe` with MSVC); other targets skip it.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/stelling.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("assets/stelling.ico")
        .set("ProductName", "Stelling")
        .set("FileDescription", "Stelling")
        .set("LegalCopyright", "MIT OR Apache-2.0");
    // Only the program gets the resource: tests and benches are not shown in Explorer.
    if let Err(e) = resource.compile_for("stelling") {
        panic!("could not embed the Windows icon (is windres installed?): {e}");
    }
}
