//! Black-box tests of `dokumente` with the samples of `dokumente::beispiele`.

mod bilder_pdf;
mod pruefung;
