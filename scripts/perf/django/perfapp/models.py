from django.db import models


# The tables the performance script seeds; Django reads them and never migrates them.
class World(models.Model):
    randomnumber = models.IntegerField()

    class Meta:
        managed = False
        db_table = "world"


class Fortune(models.Model):
    message = models.TextField()

    class Meta:
        managed = False
        db_table = "fortune"
