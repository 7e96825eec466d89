namespace RideHailer.Domain;
