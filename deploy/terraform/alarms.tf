# Alarms (docs/operations.md, "Monitoring"): every function's errors and throttles (all five), the intake queue's
# backlog and dead letters, and the listen checks falling behind. They notify the SNS topic given in
# alarm_topic_arn, or one made here for alarm_email (confirm the subscription from the email AWS
# sends); with neither, they still show in the CloudWatch console.

locals {
  # The given topic, else the one made for alarm_email (at most one of them exists), else none.
  alarm_topics = compact(concat([var.alarm_topic_arn], aws_sns_topic.alarms[*].arn))

  # By function (lambda.tf): what its alarms call it, and what its failing means.
  function_alarms = {
    webhook = {
      title   = "webhook"
      failure = "Messenger's events may not be queued: Messenger delivers them again, and disables a webhook that keeps failing."
    }
    telegram_webhook = {
      title   = "Telegram webhook"
      failure = "Telegram's updates may not be queued: Telegram delivers them again and keeps them up to 24 hours."
    }
    inbound = {
      title   = "inbound"
      failure = "a batch of events failed as a whole (secrets unreadable, a crash): its events come back after the visibility timeout."
    }
    registration = {
      title   = "registration"
      failure = "people cannot connect a listening source."
    }
    tick = {
      title   = "tick"
      failure = "listen checks and held messages wait for the next minute's tick."
    }
  }
}

# Not encrypted: CloudWatch cannot publish to a topic under the AWS managed SNS key, and the alarm
# messages carry only names and figures.
resource "aws_sns_topic" "alarms" {
  count = var.alarm_topic_arn == "" && var.alarm_email != "" ? 1 : 0
  name  = "${var.name}-alarms"
}

resource "aws_sns_topic_subscription" "alarm_email" {
  count     = var.alarm_topic_arn == "" && var.alarm_email != "" ? 1 : 0
  topic_arn = aws_sns_topic.alarms[0].arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

resource "aws_cloudwatch_metric_alarm" "function_errors" {
  for_each            = local.function_alarms
  alarm_name          = "${aws_lambda_function.function[each.key].function_name}-errors"
  alarm_description   = "The ${each.value.title} function failed: ${each.value.failure}"
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = aws_lambda_function.function[each.key].function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_topics
  ok_actions          = local.alarm_topics
}

resource "aws_cloudwatch_metric_alarm" "function_throttles" {
  for_each            = local.function_alarms
  alarm_name          = "${aws_lambda_function.function[each.key].function_name}-throttles"
  alarm_description   = "Lambda refused to run the ${each.value.title} function (the account's concurrency is spent)."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = aws_lambda_function.function[each.key].function_name }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_topics
  ok_actions          = local.alarm_topics
}

# The oldest event on the intake queue: handling is failing (and retrying) or far behind.
resource "aws_cloudwatch_metric_alarm" "intake_backlog_age" {
  alarm_name          = "${var.name}-intake-backlog-age"
  alarm_description   = "An event has waited on the intake queue longer than var.intake_age_alarm_seconds: people wait for answers."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = aws_sqs_queue.inbound.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = var.intake_age_alarm_seconds
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_topics
  ok_actions          = local.alarm_topics
}

# Events that gave up after every retry: those people got no answer.
resource "aws_cloudwatch_metric_alarm" "intake_dead_letters" {
  alarm_name          = "${var.name}-intake-dead-letters"
  alarm_description   = "Events are in the intake's dead-letter queue: fix the cause, then move them back (docs/operations.md)."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.inbound_dead_letters.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.alarm_topics
  ok_actions          = local.alarm_topics
}

# From the tick's own log (Embedded Metric Format, namespace SendSongs): how long the oldest due listen
# check has waited after each tick. Missing data counts as breaching: a tick that stops reporting has
# stopped checking.
resource "aws_cloudwatch_metric_alarm" "listen_check_lag" {
  alarm_name          = "${var.name}-listen-check-lag"
  alarm_description   = "Due listen checks have waited longer than var.listen_check_lag_alarm_seconds after the tick: plays are told late (Spotify's limit, a failing source, too many checks for one tick)."
  namespace           = "SendSongs"
  metric_name         = "ListenChecksLag"
  dimensions          = { Function = aws_lambda_function.function["tick"].function_name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = var.listen_check_lag_alarm_seconds
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "breaching"
  alarm_actions       = local.alarm_topics
  ok_actions          = local.alarm_topics
}
