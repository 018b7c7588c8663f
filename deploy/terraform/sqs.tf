# The intake queue between the webhook and the inbound function (docs/architecture.md, "Lambda
# runtime"). FIFO: each person's events are one message group, handed over in the order they came;
# the webhook sets each event's delivery key as its deduplication id (content-based deduplication is
# off), so a POST Messenger delivers again within five minutes is not queued twice. The webhook
# answers Messenger only once SQS has taken the events.

resource "aws_sqs_queue" "inbound" {
  name                        = "${var.name}-inbound.fifo"
  fifo_queue                  = true
  content_based_deduplication = false
  sqs_managed_sse_enabled     = true

  # At least six times the inbound function's timeout (60 s), as AWS recommends for a queue that
  # triggers a function; the function itself brings a failed event back sooner (see Retries).
  visibility_timeout_seconds = 360
  # The largest body the webhook writes (InboundCodec.MAX_BYTES).
  max_message_size          = 262144
  message_retention_seconds = 345600

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.inbound_dead_letters.arn
    maxReceiveCount     = var.inbound_max_receive_count
  })
}

# Events that failed on every receive; the inbound function gives each up alone on its last receive
# (read from the redrive policy above), so its sender's later events go on.
# Anything here is an alarm: move it back with a DLQ redrive once the cause is fixed
# (docs/operations.md, "The intake queue").
resource "aws_sqs_queue" "inbound_dead_letters" {
  name                        = "${var.name}-inbound-dead-letters.fifo"
  fifo_queue                  = true
  content_based_deduplication = false
  sqs_managed_sse_enabled     = true
  message_retention_seconds   = 1209600
}

# Only the intake queue may use the dead-letter queue.
resource "aws_sqs_queue_redrive_allow_policy" "inbound_dead_letters" {
  queue_url = aws_sqs_queue.inbound_dead_letters.id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.inbound.arn]
  })
}

# Lambda polls the queue with the inbound function's role and invokes its alias with up to ten
# events; the function reports the ones that failed (with the untried rest of their senders'),
# and Lambda deletes the others.
resource "aws_lambda_event_source_mapping" "inbound" {
  event_source_arn        = aws_sqs_queue.inbound.arn
  function_name           = aws_lambda_alias.function["inbound"].arn
  batch_size              = 10
  function_response_types = ["ReportBatchItemFailures"]
}
