"""Where the per-article stages run: the `Executor`s that `Pipeline.run` drives
(`executors`: in this process, in a child process, in local worker processes (`pool`) for
``crosswire run --workers N``; `ray_job`: a Ray Data job for ``crosswire batch``).

All run `crosswire.pipeline.process_items` (describe, parse, analyse) on batches of records
and hand the results back in input order; the cross-article stages and the store writes stay
in the calling process, batch by batch, exactly as in a single-process run.
"""
