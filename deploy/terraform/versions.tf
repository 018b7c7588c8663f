terraform {
  # Written and validated with Terraform 1.11 and the AWS provider 5.100.0.
  required_version = "~> 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Application = "send-songs"
      Deployment  = var.name
    }
  }
}
