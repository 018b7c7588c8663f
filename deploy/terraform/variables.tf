variable "aws_region" {
  description = "AWS region to deploy to."
  type        = string
  default     = "eu-west-1"
}

variable "name" {
  description = "Prefix of every resource name; one deployment per name and region."
  type        = string
  default     = "send-songs"
}

variable "lambda_jar" {
  description = "The Lambda artifact built by the normal build (mvn package)."
  type        = string
  default     = "../../lambda/target/send-songs-lambda.jar"
}

variable "spotify_client_id" {
  description = "Client ID of the Spotify app (not a secret; the client secret goes to Parameter Store)."
  type        = string
}

variable "lastfm_api_key" {
  description = "Key of the Last.fm API account (not a secret: it is in every Last.fm link; the shared secret goes to Parameter Store). Leave empty not to offer Last.fm."
  type        = string
  default     = ""
}

variable "public_base_url" {
  description = "Base URL people and Facebook reach the API at, without a trailing slash. Leave empty to use the HTTP API's own endpoint; set it when a custom domain points at the API."
  type        = string
  default     = ""
}

variable "watch_schedule" {
  description = "Listen-check schedule as every/until phases (see docs/operations.md)."
  type        = string
  default     = "5m/1h,1h/7d"
}

variable "tick_schedule" {
  description = "How often EventBridge Scheduler runs the tick function."
  type        = string
  default     = "rate(1 minute)"
}

variable "lambda_memory_mb" {
  description = "Memory of each function; CPU grows with it."
  type        = number
  default     = 512
}

variable "log_retention_days" {
  description = "How long CloudWatch keeps the functions' and the API's logs."
  type        = number
  default     = 30
}

variable "api_throttling_rate_limit" {
  description = "Steady requests per second the HTTP API accepts across all routes."
  type        = number
  default     = 20
}

variable "api_throttling_burst_limit" {
  description = "Burst of requests the HTTP API accepts above the steady rate."
  type        = number
  default     = 50
}

variable "secrets_revision" {
  description = "Raise after changing a secret parameter: the functions are published anew, so every new execution environment reads the new values."
  type        = number
  default     = 1
}

variable "inbound_max_receive_count" {
  description = "How many times an event is handed to the inbound function before SQS moves it to the dead-letter queue (about 35 minutes of retries at 6)."
  type        = number
  default     = 6
}
