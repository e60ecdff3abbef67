"""Running the per-article stages in parallel: local worker processes (`pool`) for
``crosswire run --workers N`` and a Ray Data job (`ray_job`) for ``crosswire batch``.

Both run `crosswire.pipeline.process_items` (describe, parse, analyse) on batches of records
and hand the results back in input order; the cross-article stages and the store writes stay
in the calling process, batch by batch, exactly as in a single-process run.
"""
