# The tick: EventBridge Scheduler invokes the tick function's alias every minute with its own role.
resource "aws_scheduler_schedule" "tick" {
  name                = "${var.name}-tick"
  description         = "Runs due listen checks and held-message retries"
  schedule_expression = var.tick_schedule

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_alias.function["tick"].arn
    role_arn = aws_iam_role.scheduler.arn
    input    = "{\"scheduledTime\":\"<aws.scheduler.scheduled-time>\",\"executionId\":\"<aws.scheduler.execution-id>\",\"attemptNumber\":\"<aws.scheduler.attempt-number>\"}"

    # The next tick comes soon enough; an old one is not worth running late.
    retry_policy {
      maximum_event_age_in_seconds = 60
      maximum_retry_attempts       = 0
    }
  }
}
