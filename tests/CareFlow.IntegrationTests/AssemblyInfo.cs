// The SMTP test server is one process for the whole run; tests that switch its mode must not overlap with others.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
