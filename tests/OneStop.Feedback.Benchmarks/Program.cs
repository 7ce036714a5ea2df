using OneStop.Feedback.Benchmarks;

// Load benchmarks for OneStop.Feedback. Each prints its figures and the ratios measured in the same run.
//   ingest   [--terminals 50] [--ratings 2000] [--window 32]   raw broker pub→sub vs. full durable ingest
//   ingest-mosquitto [--terminals 50] [--ratings 2000]         bare Mosquitto pub→sub vs. server in external mode (ack after commit)
//   latency  [--rate 1000] [--seconds 20] [--terminals 100]      press → PUBACK (= committed) under load
//   evaluation [--officers 1000] [--ratings 1000000] [--data DIR] [--runs 7]  month of data → attribution → monthly report, dashboard pages, chart PNG
//   writer   [--batch 50] [--terminals 50] [--batches 400]       the ingest writer alone (CPU and time per rating by batch size)
//   connections [--terminals 20000] [--seconds 60] [--rate 200]   many terminals connected at once (run via connections.sh)
//   raw-broker --port P                                          (internal) a bare MQTTnet broker process
var verb = args.Length > 0 ? args[0] : "help";
var options = BenchOptions.Parse(args.Skip(1).ToArray());
return verb switch
{
    "ingest" => await IngestBenchmark.RunAsync(options),
    "latency" => await LatencyBenchmark.RunAsync(options),
    "evaluation" => await EvaluationBenchmark.RunAsync(options),
    "writer" => await WriterBenchmark.RunAsync(options),
    "connections" => await ConnectionsBenchmark.RunAsync(options),
    "ingest-mosquitto" => await MosquittoIngestBenchmark.RunAsync(options),
    "raw-broker" => await RawBroker.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: OneStop.Feedback.Benchmarks ingest|latency|evaluation [--officers N] [--terminals N] [--ratings M] [--window W] [--rate R] [--seconds S]");
    return 2;
}
