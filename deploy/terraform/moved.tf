# Where each function's log group, function, alias, role and alarms were before they were made from local.functions
# (lambda.tf) with for_each: an existing deployment keeps them, renamed in its state, instead of destroying and
# recreating them. Remove these once every deployment has applied a plan with them.

# ---- webhook ----

moved {
  from = aws_cloudwatch_log_group.webhook
  to   = aws_cloudwatch_log_group.function["webhook"]
}

moved {
  from = aws_lambda_function.webhook
  to   = aws_lambda_function.function["webhook"]
}

moved {
  from = aws_lambda_alias.webhook
  to   = aws_lambda_alias.function["webhook"]
}

moved {
  from = aws_iam_role.webhook
  to   = aws_iam_role.function["webhook"]
}

moved {
  from = aws_cloudwatch_metric_alarm.webhook_errors
  to   = aws_cloudwatch_metric_alarm.function_errors["webhook"]
}

moved {
  from = aws_cloudwatch_metric_alarm.webhook_throttles
  to   = aws_cloudwatch_metric_alarm.function_throttles["webhook"]
}


# ---- telegram_webhook ----

moved {
  from = aws_cloudwatch_log_group.telegram_webhook
  to   = aws_cloudwatch_log_group.function["telegram_webhook"]
}

moved {
  from = aws_lambda_function.telegram_webhook
  to   = aws_lambda_function.function["telegram_webhook"]
}

moved {
  from = aws_lambda_alias.telegram_webhook
  to   = aws_lambda_alias.function["telegram_webhook"]
}

moved {
  from = aws_iam_role.telegram_webhook
  to   = aws_iam_role.function["telegram_webhook"]
}

moved {
  from = aws_cloudwatch_metric_alarm.telegram_webhook_errors
  to   = aws_cloudwatch_metric_alarm.function_errors["telegram_webhook"]
}

moved {
  from = aws_cloudwatch_metric_alarm.telegram_webhook_throttles
  to   = aws_cloudwatch_metric_alarm.function_throttles["telegram_webhook"]
}


# ---- inbound ----

moved {
  from = aws_cloudwatch_log_group.inbound
  to   = aws_cloudwatch_log_group.function["inbound"]
}

moved {
  from = aws_lambda_function.inbound
  to   = aws_lambda_function.function["inbound"]
}

moved {
  from = aws_lambda_alias.inbound
  to   = aws_lambda_alias.function["inbound"]
}

moved {
  from = aws_iam_role.inbound
  to   = aws_iam_role.function["inbound"]
}

moved {
  from = aws_cloudwatch_metric_alarm.inbound_errors
  to   = aws_cloudwatch_metric_alarm.function_errors["inbound"]
}

moved {
  from = aws_cloudwatch_metric_alarm.inbound_throttles
  to   = aws_cloudwatch_metric_alarm.function_throttles["inbound"]
}


# ---- registration ----

moved {
  from = aws_cloudwatch_log_group.registration
  to   = aws_cloudwatch_log_group.function["registration"]
}

moved {
  from = aws_lambda_function.registration
  to   = aws_lambda_function.function["registration"]
}

moved {
  from = aws_lambda_alias.registration
  to   = aws_lambda_alias.function["registration"]
}

moved {
  from = aws_iam_role.registration
  to   = aws_iam_role.function["registration"]
}

moved {
  from = aws_cloudwatch_metric_alarm.registration_errors
  to   = aws_cloudwatch_metric_alarm.function_errors["registration"]
}

moved {
  from = aws_cloudwatch_metric_alarm.registration_throttles
  to   = aws_cloudwatch_metric_alarm.function_throttles["registration"]
}


# ---- tick ----

moved {
  from = aws_cloudwatch_log_group.tick
  to   = aws_cloudwatch_log_group.function["tick"]
}

moved {
  from = aws_lambda_function.tick
  to   = aws_lambda_function.function["tick"]
}

moved {
  from = aws_lambda_alias.tick
  to   = aws_lambda_alias.function["tick"]
}

moved {
  from = aws_iam_role.tick
  to   = aws_iam_role.function["tick"]
}

moved {
  from = aws_cloudwatch_metric_alarm.tick_errors
  to   = aws_cloudwatch_metric_alarm.function_errors["tick"]
}

moved {
  from = aws_cloudwatch_metric_alarm.tick_throttles
  to   = aws_cloudwatch_metric_alarm.function_throttles["tick"]
}
