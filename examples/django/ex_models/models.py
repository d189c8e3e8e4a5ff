from django.db import models


class Article(models.Model):
    # The primary key "id" is added automatically (a BigAutoField by default since Django 6.0).
    title = models.CharField(max_length=200)
    published = models.BooleanField(default=False)

    def __str__(self):
        return self.title
