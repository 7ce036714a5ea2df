// Fault scenarios kill processes, restart brokers and fill disks: one at a time, so that each measures itself
// and not its neighbours.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
