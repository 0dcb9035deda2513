//! Rebuild when the bundled library or fonts change: they are embedded in the binary.

fn main() {
    println!("cargo:rerun-if-changed=library");
    println!("cargo:rerun-if-changed=fonts");
}
