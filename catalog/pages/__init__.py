"""The catalog's public pages as plain data: one module per page kind, each with the one
read function its view calls (parse → read → render), and pure builders over records
already loaded, so building a page makes no query of its own and each rule of how a fact
reads is testable alone."""
