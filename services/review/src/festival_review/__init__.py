"""review: school, region and province decisions on submitted works."""
